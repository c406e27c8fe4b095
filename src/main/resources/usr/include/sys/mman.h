/*
 * spinlab does not model mmap(2): the model machine has one address space and no MMU, so a
 * user program cannot map a device's memory. A driver's .mmap is accepted and never called.
 * Including this header stops the build at the #include line.
 */
#error "not modelled: mmap(2) (sys/mman.h): the model has no MMU; a driver's .mmap is never called"
