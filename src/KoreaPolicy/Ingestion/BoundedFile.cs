using KoreaPolicy.Model;
using Microsoft.Win32.SafeHandles;
using Mono.Unix.Native;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Reads a file an ingest run was given, checked before a byte is read: it must be a regular
/// file (not a FIFO, which would block the open until a writer came; not a device such as
/// /dev/zero, which never ends; not a folder), readable, and within its size limit, which also
/// bounds the read itself, whatever the file claims or becomes meanwhile.
/// <para>
/// The file is opened without blocking and then examined through the open descriptor, so what
/// is checked is what is read: a file swapped for a FIFO between a check and the open cannot
/// hang the run.
/// </para>
/// </summary>
internal static class BoundedFile
{
    /// <summary>The bytes of the file, or <see cref="IngestionException"/> naming it and what is wrong.</summary>
    public static byte[] Read(string path, int maxBytes, string limitFor)
    {
        using var handle = Open(path);
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        var length = stream.Length;
        if (length > maxBytes)
        {
            throw new IngestionException(path, null, $"is {length:N0} bytes, over the limit of {maxBytes:N0} bytes for {limitFor}");
        }

        // One byte more than the limit: a file that grew since its size was read is refused, not cut.
        var buffer = new byte[Math.Min(length, maxBytes) + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        if (read > maxBytes)
        {
            throw new IngestionException(path, null, $"grew past the limit of {maxBytes:N0} bytes for {limitFor} while it was read");
        }

        return buffer[..read];
    }

    /// <summary>True when something is at the path, a dangling symbolic link included (reading it then says what is wrong).</summary>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static SafeFileHandle Open(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // No FIFOs or devices among ordinary paths there; the size limit still bounds the read.
            try
            {
                return File.OpenHandle(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IngestionException(path, null, Unreadable(e.Message));
            }
        }

        var descriptor = Syscall.open(path, OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC);
        if (descriptor < 0)
        {
            var error = Stdlib.GetLastError();
            throw new IngestionException(path, null, error switch
            {
                Errno.ENOENT => new FileInfo(path).LinkTarget is { } target ? $"is a symbolic link to {DisplayPath.Of(target)}, which does not exist" : "no such file",
                Errno.ELOOP => "is a symbolic link that leads back to itself",
                _ => Unreadable(Stdlib.strerror(error)),
            });
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (Syscall.fstat(descriptor, out var status) != 0 || (status.st_mode & FilePermissions.S_IFMT) != FilePermissions.S_IFREG)
        {
            handle.Dispose();
            throw new IngestionException(path, null, $"is {Kind(status.st_mode & FilePermissions.S_IFMT)}, not a regular file");
        }

        return handle;
    }

    private static string Unreadable(string reason) => $"cannot be read: {reason}";

    private static string Kind(FilePermissions type) => type switch
    {
        FilePermissions.S_IFDIR => "a folder",
        FilePermissions.S_IFIFO => "a FIFO (named pipe)",
        FilePermissions.S_IFCHR => "a character device",
        FilePermissions.S_IFBLK => "a block device",
        FilePermissions.S_IFSOCK => "a socket",
        _ => "not a file",
    };
}
