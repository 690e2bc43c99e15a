package org.talkfeed.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.talkfeed.bench.EmailGenerator;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: whatever bytes arrive, {@link MessageReader#read} either answers or says "not an email"
 * ({@link UnreadableMessageException}), and {@link Extractor#extract} answers a well-formed
 * {@link Announcement} without throwing. Inputs are generated talk-list mail ({@link EmailGenerator}), seeded
 * mutations of it, pure random bytes, and named edge cases. The work is bounded by what the reader hands on (at most
 * {@link MessageReader#MAX_BODY_CHARS} characters), which each case checks; how fast is measured by {@code talkfeed bench}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtractorRobustnessTest {
    /** Seeded cases; {@code -Drobustness.cases=5000} explores further. */
    private static final int CASES = Integer.getInteger("robustness.cases", 300);
    /** Bytes and chars one to one, so raw messages can be edited as strings. */
    private static final Charset RAW = StandardCharsets.ISO_8859_1;
    private static final ExtractionDefaults CHICAGO_DAY_FIRST = new ExtractionDefaults("America/Chicago", "Colloquium", true);

    @BeforeAll
    static void warmUp() {
        // Class loading and first compilation (jakarta.mail, jsoup, the extractor's patterns) are not the extractor's time.
        EmailGenerator generator = new EmailGenerator(1);
        for (int i = 0; i < 40; i++) {
            try {
                readAndExtract("warmup", generator.next(), ExtractionDefaults.NONE);
            } catch (RuntimeException | AssertionError e) {
                // the measured cases report it
            }
        }
    }

    // ---- the properties

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("seededCases")
    @Order(1)
    void seededMailIsAnsweredQuicklyAndWellFormed(Case c) {
        byte[] bytes = c.bytes();
        check(c.toString(), bytes, c.seed() % 2 == 0 ? ExtractionDefaults.NONE : CHICAGO_DAY_FIRST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    @Order(2)
    void edgeCaseIsAnsweredQuicklyAndWellFormed(Supplier<byte[]> input) {
        byte[] bytes = input.get();
        check(input.toString(), bytes, ExtractionDefaults.NONE);
        check(input.toString(), bytes, CHICAGO_DAY_FIRST);
    }

    /**
     * Last, since a preemptive timeout abandons a thread that keeps computing: an input that overruns here
     * must not slow the other cases down.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("heavyInputs")
    @Order(3)
    void heavyInputIsAnsweredAndWellFormed(Supplier<byte[]> input) {
        check(input.toString(), input.get(), ExtractionDefaults.NONE);
    }

    private static void check(String name, byte[] bytes, ExtractionDefaults defaults) {
        readAndExtract(name, bytes, defaults);
    }

    /** Reads and extracts; fails on any exception other than "not an email", and on an ill-formed answer. */
    private static Announcement readAndExtract(String name, byte[] bytes, ExtractionDefaults defaults) {
        MessageText text;
        try {
            text = new MessageReader().read(bytes);
        } catch (UnreadableMessageException e) {
            assertNotNull(e.getMessage(), "an unreadable message says why");
            return null;
        }
        assertNotNull(text.lines(), "lines");
        assertTrue(text.body().length() <= MessageReader.MAX_BODY_CHARS, () -> name + ": more text than extraction is handed");
        assertNotNull(text.subject(), "subject");
        Announcement a = new Extractor().extract(text, defaults);
        assertWellFormed(a);
        assertFalse(a.reason() != null && a.reason().startsWith("could not be read as an announcement"),
                () -> name + ": the extractor caught its own exception (" + a.reason() + ")");
        return a;
    }

    private static void assertWellFormed(Announcement a) {
        assertNotNull(a, "announcement");
        assertNotNull(a.kind(), "kind");
        assertNotNull(a.talks(), "talks");
        if (a.kind() == Kind.NOT_TALK) {
            assertTrue(a.talks().isEmpty(), "a not_talk has no talks");
            assertNotNull(a.reason(), "a not_talk says why");
            assertFalse(a.reason().isBlank(), "a not_talk says why");
        } else {
            assertFalse(a.talks().isEmpty(), "a " + a.kind().label() + " has talks");
        }
        for (Talk t : a.talks()) {
            assertNotNull(t.date(), () -> "every talk has a date: " + t);
            assertTrue(t.confidence() >= 0 && t.confidence() <= 1, () -> "0 <= confidence <= 1: " + t.confidence());
            assertNotNull(t.warnings(), "warnings");
            t.warnings().forEach(w -> assertNotNull(w, "warning"));
            assertNotNull(t.speakers(), "speakers");
            for (Speaker s : t.speakers()) {
                assertNotNull(s.name(), () -> "speaker name: " + t);
                assertFalse(s.name().isBlank(), () -> "speaker name is blank: " + t);
            }
            if (t.timezone() != null) {
                assertDoesNotThrow(() -> ZoneId.of(t.timezone()), () -> "timezone is not a zone id: " + t.timezone());
                assertDoesNotThrow(t::startsAt, "startsAt");
            }
        }
        assertDoesNotThrow(() -> TalkJson.write(a), "the announcement can be written as JSON");
    }

    // ---- seeded cases: a generated email, one or two mutations

    record Case(long seed, List<Mutation> mutations) {
        byte[] bytes() {
            Random r = new Random(seed * 7919);
            EmailGenerator generator = new EmailGenerator(seed);
            byte[] mail = generator.next();
            for (Mutation m : mutations) {
                mail = m.apply(mail, r, generator);
            }
            return mail;
        }

        @Override
        public String toString() {
            return mutations + " seed " + seed;
        }
    }

    static Stream<Arguments> seededCases() {
        Mutation[] all = Mutation.values();
        return IntStream.range(0, CASES).mapToObj(i -> {
            long seed = 20_000L + i;
            List<Mutation> mutations = new ArrayList<>(List.of(all[i % all.length]));
            Random r = new Random(seed);
            if (i >= all.length && r.nextInt(3) == 0) {
                mutations.add(all[r.nextInt(all.length)]);
            }
            return Arguments.of(new Case(seed, List.copyOf(mutations)));
        });
    }

    enum Mutation {
        NONE {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                return mail;
            }
        },
        BYTE_FLIPS {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                byte[] out = mail.clone();
                for (int n = 1 + r.nextInt(64); n > 0 && out.length > 0; n--) {
                    int at = r.nextInt(out.length);
                    out[at] = switch (r.nextInt(4)) {
                        case 0 -> (byte) r.nextInt(256);
                        case 1 -> (byte) (out[at] ^ (1 << r.nextInt(8)));
                        case 2 -> 0;
                        default -> '\n';
                    };
                }
                return out;
            }
        },
        TRUNCATE {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                return Arrays.copyOf(mail, r.nextInt(mail.length + 1));
            }
        },
        DUPLICATE_HEADERS {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                Message m = Message.of(mail);
                List<String> fields = m.fields();
                for (int n = 1 + r.nextInt(5); n > 0; n--) {
                    String copy = r.nextBoolean() ? pick(r, fields) : pick(r, CONFLICTING_HEADERS);
                    fields.add(r.nextInt(fields.size() + 1), copy);
                }
                return m.with(fields).bytes();
            }
        },
        REMOVE_HEADERS {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                String s = raw(mail);
                int end = headerEnd(s);
                List<String> lines = new ArrayList<>(List.of(s.substring(0, end).split("\n", -1)));
                lines.removeIf(line -> r.nextInt(100) < 35);
                String rest = s.substring(end);
                if (r.nextInt(4) == 0) {
                    rest = rest.replaceFirst("^\r?\n\r?\n", "\n"); // headers run into the body
                }
                return bytes(String.join("\n", lines) + rest);
            }
        },
        BROKEN_BOUNDARY {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                String s = raw(mail);
                java.util.regex.Matcher found = BOUNDARY.matcher(s);
                if (!found.find()) {
                    s = raw(g.next(EmailGenerator.Style.ALTERNATIVE));
                    found = BOUNDARY.matcher(s);
                    found.find();
                }
                String boundary = found.group(1);
                return bytes(switch (r.nextInt(8)) {
                    case 0 -> s.replace("boundary=\"" + boundary + "\"", "boundary=\"not-" + boundary + "\"");
                    case 1 -> s.replace("--" + boundary + "--", "");
                    case 2 -> s.replace("--" + boundary, "");
                    case 3 -> s.replace("boundary=\"" + boundary + "\"", "boundary=\"\"");
                    case 4 -> s.replace("; boundary=\"" + boundary + "\"", "");
                    case 5 -> s.replace("Content-Transfer-Encoding", "--" + boundary + "\nContent-Transfer-Encoding");
                    case 6 -> s.replace("boundary=\"" + boundary + "\"", "boundary=\"" + boundary);
                    default -> s.substring(0, s.lastIndexOf("--" + boundary) + 2 + r.nextInt(boundary.length()));
                });
            }
        },
        BOGUS_CHARSET {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                String bogus = pick(r, BOGUS_CHARSETS);
                String s = raw(mail).replaceAll("(?i)charset=(\"?)[^;\"\\s]+\\1", "charset=" + bogus.replace("$", "\\$"))
                        .replaceAll("=\\?[^?\\s]+\\?([QqBb])\\?", "=?" + bogus.replaceAll("[?\\s$\\\\]", "") + "?$1?");
                return bytes(s.contains("charset=") ? s : s.replaceFirst("(?i)(Content-Type: text/[a-z]+)", "$1; charset=" + bogus.replace("$", "\\$")));
            }
        },
        WRONG_ENCODING {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                String s = raw(mail);
                String cte = pick(r, ENCODINGS);
                return bytes(switch (r.nextInt(4)) {
                    case 0 -> s.substring(0, headerEnd(s)).replaceAll("(?i)Content-Transfer-Encoding: *\\S+",
                            "Content-Transfer-Encoding: " + cte) + "\n\n" + raw(randomBytes(r, r.nextInt(20_000)));
                    case 1 -> s.replaceAll("(?i)Content-Transfer-Encoding: *\\S+", "Content-Transfer-Encoding: " + cte);
                    case 2 -> {
                        Message m = Message.of(bytes(s.replaceAll("(?i)Content-Transfer-Encoding: *\\S+",
                                "Content-Transfer-Encoding: quoted-printable")));
                        yield raw(m.withBody(m.body().replace("e", "=").replace("a", "=Z") + "=").bytes());
                    }
                    default -> {
                        Message m = Message.of(bytes(s.replaceAll("(?i)Content-Transfer-Encoding: *\\S+",
                                "Content-Transfer-Encoding: base64")));
                        yield raw(m.withBody(Base64.getEncoder().encodeToString(randomBytes(r, 300)) + "!!==*\n" + m.body()).bytes());
                    }
                });
            }
        },
        BINARY_ATTACHMENTS {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                Message m = Message.of(mail);
                StringBuilder body = new StringBuilder("--mixed\n" + m.contentFields() + "\n" + m.body() + "\n");
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    String type = pick(r, ATTACHMENT_TYPES);
                    boolean base64 = r.nextBoolean();
                    byte[] data = randomBytes(r, r.nextInt(200_000));
                    body.append("--mixed\nContent-Type: ").append(type).append("; name=\"file").append(n).append(".bin\"\n")
                            .append(r.nextBoolean() ? "Content-Disposition: attachment; filename=\"file.bin\"\n" : "")
                            .append("Content-Transfer-Encoding: ").append(base64 ? "base64" : "binary").append("\n\n")
                            .append(base64 ? Base64.getMimeEncoder().encodeToString(data) : raw(data)).append('\n');
                }
                return m.withContent("Content-Type: multipart/mixed; boundary=\"mixed\"", body + "--mixed--\n").bytes();
            }
        },
        NESTED_MULTIPARTS {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                Message m = Message.of(mail);
                String content = m.contentFields() + "\n" + m.body();
                int depth = 2 + r.nextInt(60);
                for (int level = 0; level < depth; level++) {
                    content = r.nextInt(5) == 0
                            ? "Content-Type: message/rfc822\n\nFrom: x@y.example\nSubject: level " + level + "\n" + content
                            : "Content-Type: " + pick(r, List.of("multipart/mixed", "multipart/alternative", "multipart/related"))
                              + "; boundary=\"n" + level + "\"\n\n--n" + level + "\n" + content + "\n--n" + level + "--\n";
                }
                int split = content.indexOf("\n\n");
                return m.withContent(content.substring(0, split), content.substring(split + 2)).bytes();
            }
        },
        EMPTY_BODY {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                Message m = Message.of(mail);
                return switch (r.nextInt(5)) {
                    case 0 -> bytes(String.join("\n", m.fields()));
                    case 1 -> m.withBody("").bytes();
                    case 2 -> m.withContent("Content-Type: multipart/alternative; boundary=\"x\"", "").bytes();
                    case 3 -> m.withContent("Content-Type: multipart/mixed; boundary=\"x\"", "--x--\n").bytes();
                    default -> m.withContent("Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: base64", "\n").bytes();
                };
            }
        },
        LONG_LINES {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                Message m = r.nextBoolean() ? Message.of(mail) : Message.plain(talkText(r));
                if (r.nextInt(4) == 0) {
                    List<String> fields = m.fields();
                    fields.removeIf(f -> f.regionMatches(true, 0, "Subject:", 0, 8));
                    fields.add("Subject: " + longLine(r));
                    return m.with(fields).bytes();
                }
                return m.withBody(insertLines(r, m.body(), 1 + r.nextInt(3), () -> longLine(r))).bytes();
            }
        },
        RANDOM_UNICODE {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                Message m = r.nextBoolean() ? Message.of(mail) : Message.plain(talkText(r));
                List<String> fields = m.fields();
                fields.add("Subject: " + utf8(randomUnicode(r, 1 + r.nextInt(60))));
                StringBuilder body = new StringBuilder(m.body());
                for (int n = 1 + r.nextInt(40); n > 0; n--) {
                    body.insert(r.nextInt(body.length() + 1), utf8(randomUnicode(r, 1 + r.nextInt(30))));
                }
                return m.with(fields).withBody(body.toString()).bytes();
            }
        },
        RANDOM_BYTES {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                return switch (r.nextInt(4)) {
                    case 0 -> randomBytes(r, r.nextInt(5000));
                    case 1 -> bytes("From: x@y.example\n\n" + raw(randomBytes(r, r.nextInt(5000))));
                    case 2 -> {
                        StringBuilder text = new StringBuilder();
                        for (int n = r.nextInt(5000); n > 0; n--) {
                            char c = (char) (32 + r.nextInt(95));
                            text.append(c == '~' ? '\n' : c);
                        }
                        yield bytes(text.toString());
                    }
                    default -> bytes(raw(randomBytes(r, r.nextInt(500))) + "\n" + raw(mail));
                };
            }
        },
        HEADER_NOISE {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                Message m = Message.of(mail);
                List<String> fields = m.fields();
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    String noise = pick(r, NOISY_HEADERS);
                    String name = noise.substring(0, Math.max(0, noise.indexOf(':')));
                    fields.removeIf(f -> !name.isEmpty() && f.regionMatches(true, 0, name + ":", 0, name.length() + 1));
                    fields.add(r.nextInt(fields.size() + 1), noise);
                }
                return m.with(fields).bytes();
            }
        },
        SPLICE {
            byte[] apply(byte[] mail, Random r, EmailGenerator g) {
                byte[] other = g.next();
                return switch (r.nextInt(3)) {
                    case 0 -> bytes(raw(mail).substring(0, r.nextInt(mail.length + 1)) + raw(other).substring(r.nextInt(other.length + 1)));
                    case 1 -> bytes(raw(mail) + "\nFrom someone@example Mon Jan  5 10:00:00 2026\n" + raw(other));
                    default -> Message.of(mail).withBody(Message.of(other).body()).bytes();
                };
            }
        };

        abstract byte[] apply(byte[] mail, Random r, EmailGenerator g);
    }

    private static final java.util.regex.Pattern BOUNDARY = java.util.regex.Pattern.compile("boundary=\"([^\"]+)\"");
    private static final List<String> CONFLICTING_HEADERS = List.of("Content-Type: multipart/mixed",
            "Content-Type: text/html; charset=x-unknown", "Content-Transfer-Encoding: base64", "Date: yesterday",
            "Date: Thu, 1 Jan 1970 00:00:00 +0000", "Subject: Re: Fwd: RE: (no subject)", "MIME-Version: 2.0",
            "Content-Type: message/rfc822", "From: ", "Message-ID: <>");
    private static final List<String> BOGUS_CHARSETS = List.of("x-unknown", "\"\"", "utf-7", "UTF-32", "%%%", "utf-16",
            "unicode-1-1-utf-7", "x-user-defined", "ISO-2022-JP", "bogus\u0001", "\"utf-8", "utf-8\"; charset=\"latin1",
            "cp1252'en'", "x-mac-roman", "$1", "ibm-037");
    private static final List<String> ENCODINGS = List.of("base64", "quoted-printable", "7bit", "8bit", "binary",
            "x-uuencode", "uuencode", "x-gzip64", "BASE64 ", "", "q", "b");
    private static final List<String> ATTACHMENT_TYPES = List.of("application/pdf", "image/png", "application/octet-stream",
            "text/plain; charset=UTF-8", "text/html", "message/rfc822", "multipart/mixed", "text/calendar; method=REQUEST",
            "multipart/alternative; boundary=\"mixed\"");
    private static final List<String> NOISY_HEADERS = List.of("Date: 32 Foo 99999 25:61:61 +9999",
            "Date: Mon, 1 Jan 2026 10:00:00 +1859", "Date: Mon, 31 Feb 2026 10:00:00 -0000", "Date: 0 Jan 0 0:00 Z",
            "Date: Fri, 13 Dec 292278994 23:59:59 +0000", "Date: 99 Dec 99 99:99:99 XYZ", "Date:",
            "From: <<<@@@>>>", "From: \"unterminated <a@b", "From: =?utf-8?B?!!!?= <x@y>", "From: ,,,,;;;;",
            "From: (comment (nested (deeper))) <a@b.example>", "Subject: =?utf-8?B?====?=", "Subject: =?x?Q?=ZZ?=",
            "Subject: =?utf-8?Q?" + "=E2=80".repeat(200) + "?=", "Content-Type: text/", "Content-Type: /",
            "Content-Type: ;;;;", "Content-Type: multipart/alternative; boundary",
            "Content-Type: text/plain; charset*=utf-8''%ZZ%", "Content-Type: text/plain; charset*0=ut; charset*1=f-8",
            "Content-Type: text/plain; format=flowed; delsp=yes", "Content-Disposition: attachment",
            "no colon in this header line", " leading continuation line", "Message-ID: " + "<".repeat(500),
            "X-Null: a\u0000b", "Subject: \u00ff\u00fe\u0080 raw 8-bit", "List-Id: " + "x".repeat(5000));

    // ---- named edge cases

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                edge("empty input", () -> new byte[0]),
                edge("a single newline", () -> bytes("\n")),
                edge("only a From header", () -> bytes("From: a@b.example\n")),
                edge("headers, no blank line, no body", () -> bytes("From: a@b.example\nSubject: Talk\nDate: Mon, 2 Nov 2026 09:00:00 -0600")),
                edge("multipart without a boundary", () -> mime("multipart/mixed", "--x\n\nWhen: March 2, 2026\n--x--\n")),
                edge("multipart never closed", () -> mime("multipart/mixed; boundary=x", "--x\nContent-Type: text/plain\n\nWhen: March 2, 2026\n")),
                edge("base64 garbage", () -> mime("text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64", "!!!@@@###\n====\nQUJD\n=")),
                edge("quoted-printable ending in '='", () -> mime("text/plain\nContent-Transfer-Encoding: quoted-printable", "When: March 2=\n=")),
                edge("quoted-printable with bad escapes", () -> mime("text/plain\nContent-Transfer-Encoding: quoted-printable", "=ZZ=Q=\n=0=")),
                edge("charset=x-unknown with 8-bit bytes", () -> mime("text/plain; charset=x-unknown", "Caf\u00e9 \u00ff\u0080 When: March 2, 2026")),
                edge("UTF-16 declared, odd byte count", () -> mime("text/plain; charset=UTF-16", "abc")),
                edge("bare CR line endings", () -> bytes("From: a@b.example\rSubject: T\r\rWhen: March 2, 2026 4pm\rTitle: T\r")),
                edge("CR CR LF line endings", () -> bytes("From: a@b.example\r\r\nSubject: T\r\r\n\r\r\nWhen: March 2, 2026\r\r\n")),
                edge("NUL bytes everywhere", () -> bytes("From: a\u0000@b\nSubject: \u0000\n\n\u0000When:\u0000 March 2, 2026\u0000")),
                edge("Date header offset +1859", () -> bytes("From: a@b.example\nDate: Mon, 2 Nov 2026 09:00:00 +1859\nSubject: Talk\n\nWhen: Thursday 4pm\nTitle: T\n")),
                edge("Date header in year 292278994", () -> bytes("From: a@b.example\nDate: Fri, 13 Dec 292278994 23:59:59 +0000\nSubject: Talk\n\nWhen: Thursday 4pm\n")),
                edge("When: a time at UTC-13", () -> plain("Speaker: Ada Byron\nTitle: Engines\nWhen: Thursday, March 5, 2026, 4pm UTC-13\n")),
                edge("When: a time at UTC+14", () -> plain("Speaker: Ada Byron\nTitle: Engines\nWhen: Thursday, March 5, 2026, 4pm UTC+14\n")),
                edge("When: a time at UTC+5:75", () -> plain("Speaker: Ada Byron\nTitle: Engines\nWhen: Thursday, March 5, 2026, 4pm UTC+5:75\n")),
                edge("When: year 999999999", () -> plain("Speaker: Ada Byron\nTitle: Engines\nWhen: March 5, 999999999, 4pm\n")),
                edge("When: day 99 of month 99", () -> plain("Speaker: Ada Byron\nTitle: Engines\nWhen: 99/99/2026 at 99:99 pm\n")),
                edge("RTL, emoji and controls in every field", () -> plain("\u202eSpeaker:\u202c Ad\u0301a \ud83d\udc69\u200d\ud83d\udd2c\n"
                        + "When: \u0663/\u0664/\u0662\u0660\u0662\u0666 \uff14\uff50\uff4d\u0007\u001b[31m\nTitle: \u05e9\u05dc\u05d5\u05dd\ufeff\u2028\u2029")),
                edge("invalid UTF-8 sequences", () -> mime("text/plain; charset=UTF-8", "\u00ed\u00a0\u0080 \u00c0\u00af \u00f8\u0088\u0080\u0080\u0080 When: March 2, 2026")));
    }

    /**
     * Large and repetitive inputs: what makes a quadratic step, a backtracking pattern or a costly scan show. The
     * last ones overran the limit when written (see their names); they stay last so that an abandoned thread still
     * computing cannot slow the others.
     */
    static Stream<Arguments> heavyInputs() {
        return Stream.of(
                edge("a 10 MB body", () -> TenMegabytes.MAIL),
                edge("a line of 100k letters", () -> plain("Speaker: A B\nWhen: Monday, March 2, 2026, 4pm\n" + "x".repeat(100_000))),
                edge("a line of 100k spaces", () -> plain("Title: T\nWhen: March 2, 2026\n" + " ".repeat(100_000) + "x")),
                edge("a line of 100k digits", () -> plain("When: March 2, 2026\n" + "1".repeat(100_000))),
                edge("a line of 100k 'at 4pm on 3/4'", () -> plain("at 4pm on 3/4 ".repeat(8_000))),
                edge("a line of 100k capitalized words", () -> plain("Speaker: " + "Ada Byron ".repeat(10_000))),
                edge("a line of 100k quotes", () -> plain("Title: " + "\"".repeat(100_000))),
                edge("a line of 100k parentheses", () -> plain("Who: " + "(".repeat(50_000) + ")".repeat(50_000))),
                edge("a line of 100k dots and spaces", () -> plain(". ".repeat(50_000))),
                edge("a 100k-character subject", () -> bytes("From: a@b.example\nSubject: " + "Seminar ".repeat(12_500) + "\n\nWhen: March 2, 2026 4pm\n")),
                edge("5000 header lines", () -> bytes("From: a@b.example\n" + "X-Junk: y\n".repeat(5000) + "\nTitle: T\nWhen: March 2, 2026\n")),
                edge("250 lines of 2000 label characters", () -> plain(("When: " + "Monday 4pm ".repeat(180) + "\n").repeat(250))),
                edge("2 MB of dated lines", () -> plain("Speaker: A B\nDate: Monday, March 2, 2026, 4:00-5:00 pm CT\n".repeat(40_000))),
                edge("10000 Speaker lines", () -> plain("Speaker: Ada Byron (Engines Ltd)\n".repeat(10_000) + "When: March 2, 2026 4pm\n")),
                edge("a digest of 500 talks", () -> plain(("Title: T\nSpeaker: A B\nWhen: March 2, 2026 4pm\n\n").repeat(500))),
                edge("multipart nested 200 deep", () -> nested(200)),
                edge("message/rfc822 nested 100 deep", () -> rfc822(100)),
                edge("multipart of 10000 empty parts", () -> mime("multipart/mixed; boundary=x", "--x\n\n".repeat(10_000) + "--x--\n")),
                edge("HTML: 50000 nested divs", () -> html("<div>".repeat(50_000) + "When: March 2, 2026" + "</div>".repeat(50_000))),
                edge("HTML: 20000 unclosed <b><p>", () -> html("<b><p>x".repeat(20_000))),
                edge("HTML: 10000 nested tables", () -> html("<table><tr><td>".repeat(10_000) + "When: March 2, 2026")),
                edge("format=flowed: 100k lines ending in a space", () -> mime("text/plain; format=flowed; delsp=yes", "When: March 2, 2026 \n".repeat(100_000))),
                edge("quoted 200 levels deep", () -> plain("> ".repeat(200) + "When: March 2, 2026\n" + ("> ".repeat(200) + "Title: T\n").repeat(100))),
                edge("140 lines of 'March 3 March 3 ...'", () -> plain(("March 3 ".repeat(250) + "\n").repeat(140))),
                edge("HTML: 40k spaces in <pre>", () -> html("<pre>When: March 2, 2026 4pm" + " ".repeat(40_000) + "x</pre>")),
                edge("2 MB (the reader's cap) of 'at 4pm on 3/4 ...' in 2000-character lines",
                        () -> plain(("at 4pm on 3/4 ".repeat(143).substring(0, 2000) + "\n").repeat(1000))));
    }

    private static Arguments edge(String name, Supplier<byte[]> input) {
        return Arguments.of(Named.of(name, new Supplier<byte[]>() {
            @Override
            public byte[] get() {
                return input.get();
            }

            @Override
            public String toString() {
                return name;
            }
        }));
    }

    /** The 10 MB message, built once. */
    private static final class TenMegabytes {
        static final byte[] MAIL = build();

        private static byte[] build() {
            StringBuilder body = new StringBuilder("Speaker: Ada Byron (Engines Ltd)\nTitle: Notes\nWhen: Monday, March 2, 2026, 4pm CT\n\n");
            Random r = new Random(10);
            while (body.length() < 10 << 20) {
                body.append(talkText(r).replace('\n', ' ')).append('\n');
            }
            return plain(body.toString());
        }
    }

    // ---- building and editing raw messages

    /** A raw message: header fields (continuation lines joined to their field) and body, as byte-for-byte strings. */
    private record Message(List<String> fields, String body) {
        static Message of(byte[] mail) {
            String s = raw(mail).replace("\r\n", "\n");
            int end = headerEnd(s);
            List<String> fields = new ArrayList<>();
            for (String line : s.substring(0, end).split("\n")) {
                if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                    fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\n" + line);
                } else if (!line.isEmpty()) {
                    fields.add(line);
                }
            }
            return new Message(fields, end + 2 <= s.length() ? s.substring(end + 2) : "");
        }

        static Message plain(String body) {
            return new Message(new ArrayList<>(List.of("From: Seminar Office <office@dept.example>", "Subject: Seminar",
                    "Date: Mon, 2 Mar 2026 09:00:00 -0600", "Message-ID: <x@dept.example>", "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit")), utf8(body));
        }

        @Override
        public List<String> fields() {
            return new ArrayList<>(fields);
        }

        Message with(List<String> newFields) {
            return new Message(newFields, body);
        }

        Message withBody(String newBody) {
            return new Message(fields, newBody);
        }

        String contentFields() {
            return String.join("\n", fields.stream().filter(Message::isContent).toList()) + "\n";
        }

        Message withContent(String contentFields, String newBody) {
            List<String> kept = new ArrayList<>(fields.stream().filter(f -> !isContent(f)).toList());
            kept.add(contentFields);
            return new Message(kept, newBody);
        }

        private static boolean isContent(String field) {
            return field.regionMatches(true, 0, "Content-", 0, 8);
        }

        byte[] bytes() {
            return ExtractorRobustnessTest.bytes(String.join("\n", fields) + "\n\n" + body);
        }
    }

    private static byte[] plain(String body) {
        return Message.plain(body).bytes();
    }

    private static byte[] mime(String contentType, String body) {
        return Message.plain("").withContent("Content-Type: " + contentType, body).bytes();
    }

    private static byte[] html(String html) {
        return mime("text/html; charset=UTF-8", "<html><body>" + html + "</body></html>");
    }

    private static byte[] nested(int depth) {
        String content = "Content-Type: text/plain\n\nWhen: March 2, 2026 4pm\nTitle: Deep\n";
        for (int level = 0; level < depth; level++) {
            content = "Content-Type: multipart/mixed; boundary=\"n" + level + "\"\n\n--n" + level + "\n" + content + "\n--n" + level + "--\n";
        }
        int split = content.indexOf("\n\n");
        return Message.plain("").withContent(content.substring(0, split), content.substring(split + 2)).bytes();
    }

    private static byte[] rfc822(int depth) {
        String content = "Content-Type: text/plain\n\nWhen: March 2, 2026 4pm\nTitle: Deep\n";
        for (int level = 0; level < depth; level++) {
            content = "Content-Type: message/rfc822\n\nFrom: x@y.example\nSubject: level " + level + "\n" + content;
        }
        int split = content.indexOf("\n\n");
        return Message.plain("").withContent(content.substring(0, split), content.substring(split + 2)).bytes();
    }

    private static String talkText(Random r) {
        String[] names = {"Ada Byron", "Søren Ødegård", "Nkechi Eze", "Jae-won Park", "Zoë Lefèvre"};
        return "Speaker: " + names[r.nextInt(names.length)] + " (Kestrel Bay Polytechnic)\nTitle: Notes on Engine " + r.nextInt(100)
                + "\nWhen: Thursday, March " + (1 + r.nextInt(28)) + ", 2026, " + (1 + r.nextInt(12)) + ":" + (r.nextBoolean() ? "00" : "30")
                + (r.nextBoolean() ? " pm CT" : " am") + "\nWhere: Room " + r.nextInt(500) + "\n\nAbstract: We study engines and notes. ".repeat(1 + r.nextInt(3));
    }

    private static String insertLines(Random r, String body, int count, Supplier<String> line) {
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        for (int n = 0; n < count; n++) {
            lines.add(r.nextInt(lines.size() + 1), line.get());
        }
        return String.join("\n", lines);
    }

    private static String longLine(Random r) {
        String unit = pick(r, List.of("x", " ", "ab ", "When: ", "4:00 pm ", "3/4/", "Dr. ", "A. B. ", "\"", "(", "-", "_", ">", "=", "Room 1, "));
        return unit.repeat(100_000 / unit.length() + 1).substring(0, 100_000);
    }

    private static String randomUnicode(Random r, int count) {
        int[][] ranges = {{0x0, 0x1f}, {0x7f, 0x9f}, {0x200b, 0x200f}, {0x202a, 0x202e}, {0x2066, 0x2069}, {0x0590, 0x05ff},
                {0x0600, 0x06ff}, {0x0300, 0x036f}, {0x1f300, 0x1faff}, {0xfe00, 0xfe0f}, {0xfeff, 0xfeff}, {0x2028, 0x2029},
                {0xff10, 0xff5a}, {0x0660, 0x0669}, {0x4e00, 0x4fff}, {0xfff0, 0xffff}, {0x10000, 0x10ffff}};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int[] range = ranges[r.nextInt(ranges.length)];
            s.appendCodePoint(range[0] + r.nextInt(range[1] - range[0] + 1));
        }
        return s.toString();
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static int headerEnd(String s) {
        int lf = s.indexOf("\n\n");
        int crlf = s.indexOf("\r\n\r\n");
        if (lf < 0 && crlf < 0) {
            return s.length();
        }
        return lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
    }

    private static String raw(byte[] b) {
        return new String(b, RAW);
    }

    private static byte[] bytes(String raw) {
        return raw.getBytes(RAW);
    }

    /** Text encoded as UTF-8, held as a byte-for-byte string. */
    private static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), RAW);
    }
}
