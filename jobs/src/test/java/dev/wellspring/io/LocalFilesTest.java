package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {
  @TempDir Path tmp;

  private static FileSystem localFiles() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", LocalFiles.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    FileSystem fs = FileSystem.get(java.net.URI.create("file:///"), conf);
    assertThat(fs).isInstanceOf(LocalFiles.class);
    return fs;
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void setsEachOctalDigitOnItsOwnClassOfUsers() throws Exception {
    FileSystem fs = localFiles();
    Path file = Files.writeString(tmp.resolve("f"), "x");
    org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(file.toUri());
    // Digits that differ per class, so a user/group/other mix-up shows.
    fs.setPermission(hp, new FsPermission((short) 0604));
    assertThat(mode(file)).isEqualTo("rw----r--");
    fs.setPermission(hp, new FsPermission((short) 0451));
    assertThat(mode(file)).isEqualTo("r--r-x--x");
    fs.setPermission(hp, new FsPermission((short) 0777));
    assertThat(mode(file)).isEqualTo("rwxrwxrwx");
    fs.setPermission(hp, new FsPermission((short) 0000));
    assertThat(mode(file)).isEqualTo("---------");
  }

  @Test
  void directoriesAndFilesSparkCreatesGetTheirRequestedModeAndAChecksum() throws Exception {
    FileSystem fs = localFiles();
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.resolve("a/b").toUri());
    assertThat(fs.mkdirs(dir, new FsPermission((short) 0750))).isTrue();
    assertThat(mode(tmp.resolve("a/b"))).isEqualTo("rwxr-x---");
    try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(dir, "part-0"))) {
      out.writeBytes("rows");
    }
    assertThat(Files.readString(tmp.resolve("a/b/part-0"))).isEqualTo("rows");
    // Still Hadoop's checksummed local file system: the .crc beside the file.
    assertThat(tmp.resolve("a/b/.part-0.crc")).exists();
  }
}
