/*
 * spinlab's model of lib/hexdump.c: hex_dump_to_buffer() and print_hex_dump(), in the kernel's
 * layout (groups of 1, 2, 4 or 8 bytes read as little-endian values, the ASCII column at
 * rowsize * 2 + rowsize / groupsize + 1, '.' for bytes that are not printable ASCII).
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/ctype.h>
#include <linux/string.h>

const char hex_asc[] = "0123456789abcdef";

int hex_to_bin(unsigned char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch = tolower(ch);
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;
}

int hex2bin(u8 *dst, const char *src, size_t count)
{
    while (count--) {
        int hi = hex_to_bin(*src++);
        int lo;

        if (hi < 0)
            return -EINVAL;
        lo = hex_to_bin(*src++);
        if (lo < 0)
            return -EINVAL;
        *dst++ = (hi << 4) | lo;
    }
    return 0;
}

char *bin2hex(char *dst, const void *src, size_t count)
{
    const unsigned char *_src = src;

    while (count--) {
        *dst++ = hex_asc_hi(*_src);
        *dst++ = hex_asc_lo(*_src);
        _src++;
    }
    return dst;
}

/* one group of groupsize bytes as a little-endian number, in 2 * groupsize hex digits */
static int put_group(char *linebuf, int lx, const u8 *p, int groupsize)
{
    int k;

    for (k = groupsize - 1; k >= 0; k--) {
        linebuf[lx++] = hex_asc_hi(p[k]);
        linebuf[lx++] = hex_asc_lo(p[k]);
    }
    return lx;
}

int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
                       char *linebuf, size_t linebuflen, bool ascii)
{
    const u8 *ptr = buf;
    int ngroups;
    u8 ch;
    int j, lx = 0;
    int ascii_column;

    if (rowsize != 16 && rowsize != 32)
        rowsize = 16;
    if (len > rowsize)
        len = rowsize;
    if (groupsize != 1 && groupsize != 2 && groupsize != 4 && groupsize != 8)
        groupsize = 1;
    if ((len % groupsize) != 0)
        groupsize = 1;
    ngroups = len / groupsize;
    ascii_column = rowsize * 2 + rowsize / groupsize + 1;
    if (!linebuflen)
        goto overflow1;
    if (!len)
        goto nil;

    if (groupsize > 1) {
        for (j = 0; j < ngroups; j++) {
            if (linebuflen < lx + 2 * groupsize + 2)
                goto overflow1;
            lx = put_group(linebuf, lx, ptr + j * groupsize, groupsize);
            if (j + 1 < ngroups)
                linebuf[lx++] = ' ';
        }
    } else {
        for (j = 0; j < len; j++) {
            if (linebuflen < lx + 2)
                goto overflow2;
            ch = ptr[j];
            linebuf[lx++] = hex_asc_hi(ch);
            linebuf[lx++] = hex_asc_lo(ch);
            if (linebuflen < lx + 2)
                goto overflow2;
            linebuf[lx++] = ' ';
        }
        if (j)
            lx--;
    }
    if (!ascii)
        goto nil;

    while (lx < ascii_column) {
        if (linebuflen < lx + 2)
            goto overflow2;
        linebuf[lx++] = ' ';
    }
    for (j = 0; j < len; j++) {
        if (linebuflen < lx + 2)
            goto overflow2;
        ch = ptr[j];
        linebuf[lx++] = (isascii(ch) && isprint(ch)) ? ch : '.';
    }
nil:
    linebuf[lx] = '\0';
    return lx;
overflow2:
    linebuf[lx++] = '\0';
overflow1:
    return ascii ? ascii_column + len : (groupsize * 2 + 1) * ngroups - 1;
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type, int rowsize,
                    int groupsize, const void *buf, size_t len, bool ascii)
{
    const u8 *ptr = buf;
    int i, linelen, remaining = len;
    char linebuf[32 * 3 + 2 + 32 + 1];

    if (rowsize != 16 && rowsize != 32)
        rowsize = 16;
    for (i = 0; i < len; i += rowsize) {
        linelen = min(remaining, rowsize);
        remaining -= rowsize;
        hex_dump_to_buffer(ptr + i, linelen, rowsize, groupsize, linebuf, sizeof(linebuf), ascii);
        switch (prefix_type) {
        case DUMP_PREFIX_ADDRESS:
            printk("%s%s%p: %s\n", level, prefix_str, ptr + i, linebuf);
            break;
        case DUMP_PREFIX_OFFSET:
            printk("%s%s%.8x: %s\n", level, prefix_str, i, linebuf);
            break;
        default:
            printk("%s%s%s\n", level, prefix_str, linebuf);
            break;
        }
    }
}
