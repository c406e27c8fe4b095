/*
 * spinlab does not model PCI: the model machine has no such hardware or subsystem, so a driver
 * built on it cannot run here. Including this header stops the build at the #include line.
 */
#error "not modelled: PCI (include/linux/pci.h)"
