package org.talkfeed.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes published files atomically: a temporary file in the same folder, then a rename, so that a
 * reader never sees half a file. A file whose content is unchanged is left alone (its ETag stays).
 * Files are made rw-r--r-- and the folders that hold them rwxr-xr-x, whatever the umask, so that a web
 * server running as another user can serve them (skipped on file systems without POSIX permissions).
 */
final class SiteFiles {
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    /** Names of temporary files: random, so that no two writers (nor a leftover of a crash) pick the same one. */
    private static final java.security.SecureRandom TEMP_NAMES = new java.security.SecureRandom();
    private final Set<Path> preparedFolders = new HashSet<>();
    private int written;
    private int unchanged;

    /** What a streamed file holds, written into the stream it is given (which it must not close). */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Returns true when the file was (re)written. */
    boolean write(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        prepareFolder(file.getParent());
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes)) {
            setMode(file, FILE_MODE);
            unchanged++;
            return false;
        }
        replace(file, out -> out.write(bytes));
        written++;
        return true;
    }

    /** Writes a file too large to hold in memory, streamed; one with the same bytes as before is left alone. */
    void stream(Path file, Content content) throws IOException {
        if (replace(file, content, true)) {
            written++;
        } else {
            unchanged++;
        }
    }

    /** Counts a file left as it is, since what it is made from has not changed. */
    void skip() {
        unchanged++;
    }

    /** Writes a file of the publisher's own bookkeeping (not counted as a published file). */
    void replace(Path file, Content content) throws IOException {
        replace(file, content, false);
    }

    private boolean replace(Path file, Content content, boolean keepSame) throws IOException {
        prepareFolder(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + "." + TEMP_NAMES.nextLong() + ".tmp");
        boolean moved = false;
        try {
            // opened once, created here: in a folder of many thousand files each open costs
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            if (keepSame && Files.isRegularFile(file) && Files.mismatch(temp, file) == -1) {
                setMode(file, FILE_MODE);
                return false;
            }
            setMode(temp, FILE_MODE);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Creates the folder when missing and gives it the folder mode, once per publication. */
    private void prepareFolder(Path folder) throws IOException {
        if (preparedFolders.add(folder)) {
            Files.createDirectories(folder);
            setMode(folder, FOLDER_MODE);
        }
    }

    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions here (Windows): the file system's defaults apply
        }
    }

    int written() {
        return written;
    }

    int unchanged() {
        return unchanged;
    }
}
