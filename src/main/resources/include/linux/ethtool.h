/*
 * spinlab does not model the netdev driver model (ethtool): the model machine has no such hardware or subsystem, so a driver
 * built on it cannot run here. Including this header stops the build at the #include line.
 */
#error "not modelled: the netdev driver model (ethtool) (include/linux/ethtool.h)"
