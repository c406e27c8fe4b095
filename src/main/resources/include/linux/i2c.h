/*
 * spinlab does not model I2C: the model machine has no such hardware or subsystem, so a driver
 * built on it cannot run here. Including this header stops the build at the #include line.
 */
#error "not modelled: I2C (include/linux/i2c.h)"
