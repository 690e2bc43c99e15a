package org.talkfeed.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * An mbox file (mboxrd or mboxo; gzip-compressed when its name ends in .gz), streamed one message
 * at a time so that a large archive never sits in memory whole.
 */
public final class MboxFile implements MessageSource {
    private static final byte[] FROM_ = "From ".getBytes(StandardCharsets.US_ASCII);
    private final Path file;

    public MboxFile(Path file) {
        this.file = file;
    }

    /** True when the file starts like an mbox ("From " on its first line). */
    public static boolean looksLikeMbox(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] head = in.readNBytes(FROM_.length);
            return java.util.Arrays.equals(head, FROM_);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedInputStream(in, 1 << 16);
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        InputStream in = open(file);
        Iterator<RawMessage> iterator = new Splitter(in);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private final class Splitter implements Iterator<RawMessage> {
        private final InputStream in;
        private byte[] pendingLine;
        private boolean finished;
        private int index;

        Splitter(InputStream in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (finished) {
                return false;
            }
            if (pendingLine == null) {
                pendingLine = nextSeparator();
            }
            return pendingLine != null;
        }

        @Override
        public RawMessage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            pendingLine = null;
            ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
            boolean previousBlank = true;
            byte[] line;
            while ((line = readLine()) != null) {
                if (previousBlank && startsWith(line, FROM_)) {
                    pendingLine = line;
                    break;
                }
                writeUnescaped(body, line);
                previousBlank = isBlank(line);
            }
            if (line == null) {
                finished = true;
            }
            index++;
            return new RawMessage(file + "#" + index, body.toByteArray());
        }

        private byte[] nextSeparator() {
            byte[] line;
            while ((line = readLine()) != null) {
                if (startsWith(line, FROM_)) {
                    return line;
                }
            }
            finished = true;
            return null;
        }

        private byte[] readLine() {
            try {
                ByteArrayOutputStream line = new ByteArrayOutputStream(128);
                int b;
                while ((b = in.read()) != -1) {
                    line.write(b);
                    if (b == '\n') {
                        return line.toByteArray();
                    }
                }
                return line.size() == 0 ? null : line.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** mboxrd escapes body lines matching ">*From " with one more '>'; undo one level. */
    private static void writeUnescaped(ByteArrayOutputStream out, byte[] line) {
        int quotes = 0;
        while (quotes < line.length && line[quotes] == '>') {
            quotes++;
        }
        if (quotes > 0 && startsWithAt(line, quotes, FROM_)) {
            out.write(line, 1, line.length - 1);
        } else {
            out.write(line, 0, line.length);
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return startsWithAt(line, 0, prefix);
    }

    private static boolean startsWithAt(byte[] line, int offset, byte[] prefix) {
        if (line.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
