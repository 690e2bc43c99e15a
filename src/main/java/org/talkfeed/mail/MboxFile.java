package org.talkfeed.mail;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * An mbox file (mboxrd or mboxo; gzip-compressed when its name ends in .gz), streamed one message
 * at a time so that a large archive never sits in memory whole. A message larger than the limit is not kept: it
 * comes as a message too large to read.
 */
public final class MboxFile implements MessageSource {
    private static final byte[] FROM_ = "From ".getBytes(StandardCharsets.US_ASCII);
    /** How much of a line that is not kept is read; a longer line is never a separator nor blank. */
    private static final int PROBE = 1000;
    private final Path file;
    private final Pattern separator;
    private final long maxBytes;

    public MboxFile(Path file) {
        this(file, null);
    }

    /**
     * An mbox whose messages start only at lines matching {@code separator} (the whole line without its line
     * break), for archives that leave "From " unescaped in bodies; their bodies are taken as they are.
     */
    public MboxFile(Path file, Pattern separator) {
        this(file, separator, RawMessage.MAX_BYTES);
    }

    /** As {@link #MboxFile(Path, Pattern)}, with messages of more than {@code maxBytes} left unread. */
    public MboxFile(Path file, Pattern separator, long maxBytes) {
        this.file = file;
        this.separator = separator;
        this.maxBytes = maxBytes;
    }

    /** The file's first line (at most 1,000 bytes, read as Latin-1), without its line break. */
    static String firstLine(Path file) throws IOException {
        try (Lines lines = new Lines(open(file), 1024)) {
            byte[] line = lines.next(PROBE);
            return line == null ? "" : latin1(line);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new IOException("not a gzip file (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        return messagesAfter(0);
    }

    /** Still splits the first {@code done} messages, to find where the next starts, but keeps none of their bytes. */
    @Override
    public Stream<RawMessage> messagesAfter(long done) throws IOException {
        Splitter splitter = new Splitter(new Lines(open(file), 1 << 16), done);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(splitter, Spliterator.ORDERED), false)
                .onClose(splitter::close)
                .skip(done);
    }

    /** Counts the separator lines, by the same rules that split the messages. */
    @Override
    public long count() throws IOException {
        try (Splitter splitter = new Splitter(new Lines(open(file), 1 << 16), Long.MAX_VALUE)) {
            long n = 0;
            while (splitter.hasNext()) {
                splitter.next();
                n++;
            }
            return n;
        }
    }

    /** Whether a line of {@code length} bytes, starting with {@code line}, starts a message. */
    private boolean isSeparator(byte[] line, long length, boolean previousBlank) {
        if (length > PROBE || !startsWithAt(line, 0, FROM_)) {
            return false;
        }
        return separator == null ? previousBlank : separator.matcher(latin1(line)).matches();
    }

    private final class Splitter implements Iterator<RawMessage>, Closeable {
        private final Lines lines;
        private final long unkept;
        private byte[] pendingLine;
        private boolean finished;
        private int index;

        /** Splits without keeping the bytes of the first {@code unkept} messages. */
        Splitter(Lines lines, long unkept) {
            this.lines = lines;
            this.unkept = unkept;
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
            boolean kept = index >= unkept;
            ByteArrayOutputStream body = kept ? new ByteArrayOutputStream(8192) : null;
            long size = 0;
            boolean previousBlank = true;
            byte[] line;
            // a kept line is read whole unless it makes the message too large; the others only as far as their start
            while ((line = readLine(body == null ? PROBE : (int) Math.min(Integer.MAX_VALUE - 8, maxBytes - size + 1))) != null) {
                long length = lines.lastLength();
                if (isSeparator(line, length, previousBlank)) {
                    pendingLine = line;
                    break;
                }
                size += length;
                if (size > maxBytes) {
                    body = null;
                }
                if (body != null) {
                    write(body, line);
                }
                previousBlank = length <= PROBE && isBlank(line);
            }
            if (line == null) {
                finished = true;
            }
            index++;
            String origin = file + "#" + index;
            if (kept && body == null) {
                return RawMessage.tooLarge(origin, size, maxBytes, null);
            }
            return new RawMessage(origin, body == null ? new byte[0] : body.toByteArray());
        }

        private byte[] nextSeparator() {
            byte[] line;
            while ((line = readLine(PROBE)) != null) {
                if (isSeparator(line, lines.lastLength(), true)) {
                    return line;
                }
            }
            finished = true;
            return null;
        }

        private byte[] readLine(int max) {
            try {
                return lines.next(max);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read beyond message " + index + ": " + e.getMessage(), e);
            }
        }

        private void write(ByteArrayOutputStream out, byte[] line) {
            if (separator == null) {
                writeUnescaped(out, line);
            } else {
                out.write(line, 0, line.length);
            }
        }

        @Override
        public void close() {
            try {
                lines.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Lines with their line breaks, read through one buffer. */
    private static final class Lines implements Closeable {
        private final InputStream in;
        private final byte[] buffer;
        private int position;
        private int limit;
        private long lastLength;

        Lines(InputStream in, int bufferSize) {
            this.in = in;
            this.buffer = new byte[bufferSize];
        }

        /** The next line, cut after {@code max} bytes; null at the end. */
        byte[] next(int max) throws IOException {
            ByteArrayOutputStream partial = null;
            long length = 0;
            while (true) {
                if (position == limit && !fill()) {
                    lastLength = length;
                    return partial == null || partial.size() == 0 ? null : partial.toByteArray();
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                boolean end = position < limit;
                if (end) {
                    position++;
                }
                length += position - start;
                if (partial == null && end) {
                    lastLength = length;
                    return Arrays.copyOfRange(buffer, start, start + Math.min(position - start, max));
                }
                if (partial == null) {
                    partial = new ByteArrayOutputStream(256);
                }
                partial.write(buffer, start, Math.max(0, Math.min(position - start, max - partial.size())));
                if (end) {
                    lastLength = length;
                    return partial.toByteArray();
                }
            }
        }

        /** The whole length of the line {@link #next} returned last, with the bytes it cut. */
        long lastLength() {
            return lastLength;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
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

    private static String latin1(byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
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
