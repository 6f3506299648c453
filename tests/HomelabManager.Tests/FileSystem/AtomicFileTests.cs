using System.Text;
using HomelabManager.FileSystem;
using HomelabManager.Tests.Configuration;

namespace HomelabManager.Tests.FileSystem;

public class AtomicFileTests
{
    [Fact]
    public void Creates_a_new_file()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "new.txt");
        AtomicFile.WriteAllText(path, "hello ✓");
        Assert.Equal("hello ✓", File.ReadAllText(path));
        Assert.Equal(Encoding.UTF8.GetBytes("hello ✓"), File.ReadAllBytes(path));
        Assert.Equal(["new.txt"], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Replaces_the_content_and_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("homelab.yaml", "old content that is longer than the new one\n");
        AtomicFile.WriteAllText(path, "new\n");
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void Writes_bytes()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "data.bin");
        AtomicFile.WriteAllBytes(path, new byte[] { 0, 1, 2, 255 });
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Sets_mode_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var directory = new TempDirectory();
        var path = directory.Write("homelab.yaml", "old\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        AtomicFile.WriteAllText(path, "secret: x\n", AtomicFile.OwnerReadWrite);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        var fresh = Path.Combine(directory.Path, "fresh.yaml");
        AtomicFile.WriteAllText(fresh, "x", AtomicFile.OwnerReadWrite);
        Assert.Equal(AtomicFile.OwnerReadWrite, File.GetUnixFileMode(fresh));
    }

    [Fact]
    public void Keeps_the_mode_of_the_replaced_file_when_none_is_given()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var directory = new TempDirectory();
        var path = directory.Write("script.sh", "old\n");
        var mode = (UnixFileMode)0b111_101_000;
        File.SetUnixFileMode(path, mode);
        AtomicFile.WriteAllText(path, "new\n");
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Original_is_untouched_when_the_writer_fails_midway()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("homelab.yaml", "original\n");
        var exception = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial new con"u8);
            stream.Flush();
            throw new InvalidOperationException("disk on fire");
        }, AtomicFile.OwnerReadWrite));
        Assert.Equal("disk on fire", exception.Message);
        Assert.Equal("original\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void Nothing_is_created_when_the_writer_fails_for_a_new_file()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "new.yaml");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, _ => throw new IOException("boom")));
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void Missing_folder_is_an_error_and_leaves_nothing_behind()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "no-such-folder", "file.txt");
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }
}
