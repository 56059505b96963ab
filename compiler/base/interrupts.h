#pragma once
// Interrupts (SIGINT, SIGTERM) are for the thread that runs the build, never for a worker thread.
// A signal sent to the process goes to any thread that does not block it (POSIX.1-2017, 2.4.1
// "Generation and Delivery of Signals"). The handler that removes the build's temporary files
// knows a file only once it is registered, and the thread that makes and registers one blocks
// the signals meanwhile (source/atomic_file.cpp); a worker thread that did not block them would
// take the signal in that window and leave the file behind. Every thread the compiler starts
// calls this first; the signal then waits for the building thread, and the handler finds the file.
namespace reportc {

void block_interrupts_in_this_thread();

}  // namespace reportc
