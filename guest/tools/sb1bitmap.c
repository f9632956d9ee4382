// SPDX-License-Identifier: GPL-2.0
/*
 * sb1bitmap DEV
 *
 * Mark the md superblock of DEV (metadata 1.2: 4 KiB from its start) as
 * carrying an internal bitmap 8 sectors after it (feature bit 0 and
 * bitmap_offset), with its checksum made right again, as a superblock of
 * an array that had one reads.  Nothing else is changed.
 */
#define _GNU_SOURCE
#include <endian.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <linux/raid/md_p.h>

#define SB_OFFSET 4096
#define SB_BYTES 4096

/* The checksum md computes: le32 words up to devs[max_dev], folded. */
static uint32_t sb1_csum(struct mdp_superblock_1 *sb)
{
	unsigned int size = 256 + le32toh(sb->max_dev) * 2;
	uint32_t *p = (uint32_t *)sb;
	uint64_t sum = 0;

	sb->sb_csum = 0;
	for (; size >= 4; size -= 4)
		sum += le32toh(*p++);
	if (size == 2)
		sum += le16toh(*(uint16_t *)p);
	return htole32((uint32_t)((sum & 0xffffffff) + (sum >> 32)));
}

int main(int argc, char **argv)
{
	struct mdp_superblock_1 *sb;
	void *buf;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: sb1bitmap DEV\n");
		return 2;
	}
	fd = open(argv[1], O_RDWR | O_DIRECT);
	if (fd < 0 || posix_memalign(&buf, 4096, SB_BYTES)) {
		perror(argv[1]);
		return 1;
	}
	if (pread(fd, buf, SB_BYTES, SB_OFFSET) != SB_BYTES) {
		perror("read superblock");
		return 1;
	}
	sb = buf;
	if (le32toh(sb->magic) != MD_SB_MAGIC || le32toh(sb->major_version) != 1) {
		fprintf(stderr, "%s: no md 1.2 superblock\n", argv[1]);
		return 1;
	}
	sb->feature_map |= htole32(MD_FEATURE_BITMAP_OFFSET);
	sb->bitmap_offset = htole32(8);
	sb->sb_csum = sb1_csum(sb);
	if (pwrite(fd, buf, SB_BYTES, SB_OFFSET) != SB_BYTES) {
		perror("write superblock");
		return 1;
	}
	return close(fd);
}
