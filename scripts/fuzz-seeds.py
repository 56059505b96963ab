#!/usr/bin/env python3
"""Seed corpora and the XML dictionary for the libFuzzer targets of tests/fuzz.

Usage: scripts/fuzz-seeds.py OUT_DIR

Writes OUT_DIR/seeds/<target>/ (small inputs taken from the repository's own documents) and
OUT_DIR/xml.dict (every element and attribute name of schema/*.rng, as libFuzzer dictionary
entries). Nothing is committed: the seeds are made again from the sources on every run.
"""
import hashlib
import pathlib
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_SEED = 16 * 1024  # larger inputs only slow the fuzzer down
MAX_PIPELINE_SEED = 4 * 1024  # scripts/fuzz.sh runs the pipeline target with -max_len=4096
# The pipeline target's report stands beside the shipped one (its includes and data files resolve);
# its layout is the fuzz layout, the annual report's styles with two fonts (tests/fuzz/pipeline-layout.xml).
REPORT_HEAD = '<report layout="../../tests/fuzz/pipeline-layout.xml" lang="en">\n<info><title>Fuzz</title></info>\n'


def files(pattern):
    return sorted(p for p in ROOT.glob(pattern) if p.is_file() and '/build' not in str(p.relative_to(ROOT)))


def elements(text, names):
    """Outermost <name ...>...</name> (or self-closing) elements of the given names, in order."""
    found = []
    for name in names:
        pattern = re.compile(r'<%s\b[^>]*?(/>|>.*?</%s>)' % (name, name), re.S)
        found.extend(m.group(0) for m in pattern.finditer(text))
    return found


def write(directory, content, limit=MAX_SEED):
    data = content.encode('utf-8') if isinstance(content, str) else content
    if not data or len(data) > limit:
        return
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def dictionary(out):
    names = set()
    for rng in files('schema/*.rng'):
        names.update(re.findall(r'<(?:element|attribute) name="([^"]+)"', rng.read_text(encoding='utf-8')))
    lines = []
    for name in sorted(names):
        lines += ['"<%s"' % name, '"</%s>"' % name, '"%s=\\""' % name]
    lines += ['"<![CDATA["', '"]]>"', '"<!--"', '"-->"', '"&#x"', '"&amp;"', '"<?xml version=\\"1.0\\"?>"',
              '"<!DOCTYPE"', '"<!ENTITY"', '"\\x0D\\x0A"', '"\\"\\""', '","', '"1e308"', '"-0"', '"pt"', '"mm"', '"em"', '"%"']
    (out / 'xml.dict').write_text('\n'.join(lines) + '\n', encoding='utf-8')


def main():
    out = pathlib.Path(sys.argv[1])
    seeds = out / 'seeds'
    shutil.rmtree(seeds, ignore_errors=True)  # seeds of an earlier version of this script go
    sources = files('sources/**/*.xml') + files('tests/**/*.xml')
    texts = {p: p.read_text(encoding='utf-8', errors='replace') for p in sources}
    for path, text in texts.items():
        if '/data/' in str(path) or '<records' in text:
            write(seeds / 'xml_data', text)
        elif '<layout' in text:
            write(seeds / 'layout_reader', text)
        else:
            write(seeds / 'source_reader', text)
    for layout in files('layouts/*.xml'):
        write(seeds / 'layout_reader', layout.read_text(encoding='utf-8'))
    for csv in files('sources/**/*.csv') + files('tests/**/*.csv'):
        write(seeds / 'csv_data', csv.read_bytes())
    for text in texts.values():
        for chart in elements(text, ['chart', 'diagram']):
            write(seeds / 'chart', chart)
        # Small documents: each block of the sources alone in a report using the shipped layout.
        for block in elements(text, ['p', 'table', 'list', 'chart', 'figure', 'frame', 'division', 'qr']):
            write(seeds / 'pipeline', REPORT_HEAD + block + '\n</report>\n', MAX_PIPELINE_SEED)
    # The shipped charts read data files; inline ones of every type as well.
    for kind in ['bar', 'hbar', 'stacked-bar', 'line', 'pie', 'donut']:
        write(seeds / 'chart', '<chart type="%s" title="T" y-label="Y" unit="u" note="n">\n'
              '<category>A</category><category>B</category><category>C</category>\n'
              '<series name="S1"><value>7</value><value>-2.5</value><value/></series>\n'
              '<series name="S2" derived="true"><value>1</value><value>0</value><value>3</value></series>\n'
              '</chart>' % kind)
    dictionary(out)
    for target in sorted(p.name for p in seeds.iterdir()):
        print('%s: %d seeds' % (target, len(list((seeds / target).iterdir()))))


if __name__ == '__main__':
    main()
