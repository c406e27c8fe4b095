package dev.spinlab.kernel;

import java.util.Map;

/**
 * The symbolic names printk's {@code %pe} gives an error pointer (lib/errname.c, with
 * CONFIG_SYMBOLIC_ERRNAME): {@code ERR_PTR(-ENXIO)} prints {@code -ENXIO}; a value with no
 * name prints as its number, as the kernel does.
 */
final class ErrNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(3, "ESRCH"), Map.entry(4, "EINTR"),
            Map.entry(5, "EIO"), Map.entry(6, "ENXIO"), Map.entry(7, "E2BIG"), Map.entry(8, "ENOEXEC"),
            Map.entry(9, "EBADF"), Map.entry(10, "ECHILD"), Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"),
            Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"), Map.entry(15, "ENOTBLK"), Map.entry(16, "EBUSY"),
            Map.entry(17, "EEXIST"), Map.entry(18, "EXDEV"), Map.entry(19, "ENODEV"), Map.entry(20, "ENOTDIR"),
            Map.entry(21, "EISDIR"), Map.entry(22, "EINVAL"), Map.entry(23, "ENFILE"), Map.entry(24, "EMFILE"),
            Map.entry(25, "ENOTTY"), Map.entry(26, "ETXTBSY"), Map.entry(27, "EFBIG"), Map.entry(28, "ENOSPC"),
            Map.entry(29, "ESPIPE"), Map.entry(30, "EROFS"), Map.entry(31, "EMLINK"), Map.entry(32, "EPIPE"),
            Map.entry(33, "EDOM"), Map.entry(34, "ERANGE"), Map.entry(35, "EDEADLK"), Map.entry(36, "ENAMETOOLONG"),
            Map.entry(37, "ENOLCK"), Map.entry(38, "ENOSYS"), Map.entry(39, "ENOTEMPTY"), Map.entry(40, "ELOOP"),
            Map.entry(42, "ENOMSG"), Map.entry(43, "EIDRM"), Map.entry(61, "ENODATA"), Map.entry(62, "ETIME"),
            Map.entry(71, "EPROTO"), Map.entry(74, "EBADMSG"), Map.entry(75, "EOVERFLOW"), Map.entry(84, "EILSEQ"),
            Map.entry(95, "EOPNOTSUPP"), Map.entry(98, "EADDRINUSE"), Map.entry(99, "EADDRNOTAVAIL"),
            Map.entry(105, "ENOBUFS"), Map.entry(110, "ETIMEDOUT"), Map.entry(111, "ECONNREFUSED"),
            Map.entry(114, "EALREADY"), Map.entry(115, "EINPROGRESS"), Map.entry(121, "EREMOTEIO"),
            Map.entry(125, "ECANCELED"), Map.entry(512, "ERESTARTSYS"), Map.entry(513, "ERESTARTNOINTR"),
            Map.entry(514, "ERESTARTNOHAND"), Map.entry(515, "ENOIOCTLCMD"), Map.entry(516, "ERESTART_RESTARTBLOCK"),
            Map.entry(517, "EPROBE_DEFER"), Map.entry(518, "EOPENSTALE"), Map.entry(524, "ENOTSUPP"));

    private ErrNames() {
    }

    /** The text of %pe for p: "-ENAME" or the error number for an error pointer, else null. */
    static String format(long p) {
        if (p >= 0 || p < -4095) {
            return null; // not an error pointer: printed as a pointer
        }
        String name = NAMES.get((int) -p);
        return name != null ? "-" + name : Long.toString(p);
    }
}
