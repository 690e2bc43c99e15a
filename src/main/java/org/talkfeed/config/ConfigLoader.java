package org.talkfeed.config;

import org.talkfeed.mail.ImapConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.talkfeed.announce.AnnounceConfig;
import org.talkfeed.digest.DigestConfig;
import org.talkfeed.smtp.SmtpConfig;
import org.talkfeed.mail.TlsTrust;
import org.talkfeed.receipt.ReceiptsConfig;
import org.talkfeed.talk.Moderation;
import org.talkfeed.talk.SenderRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and checks a YAML configuration. Relative paths are taken from the folder the file is in.
 * Every problem is reported as "file: key: what is wrong".
 */
public final class ConfigLoader {
    private static final Set<String> TOP_KEYS = Set.of("store", "site", "poll-interval-seconds", "server", "calendar", "mailboxes",
            "digest", "smtp", "announce");
    private static final Set<String> ANNOUNCE_KEYS = Set.of("to", "from");
    private static final Set<String> DIGEST_KEYS = Set.of("to", "from", "weekday", "hour", "send-empty");
    private static final Set<String> SMTP_KEYS = Set.of("host", "port", "tls", "ca-file", "user");
    /** Keys that would hold the SMTP password, refused with a word on where it goes instead. */
    private static final Set<String> SMTP_PASSWORD_KEYS = Set.of("password", "password-env", "password-file", "pass");
    private static final Set<String> SERVER_KEYS = Set.of("host", "port");
    private static final Set<String> CALENDAR_KEYS = Set.of("name", "default-duration-minutes", "base-url", "window-days",
            "alarm-minutes", "refresh-minutes");
    private static final Set<String> MAILBOX_KEYS = Set.of("name", "maildir", "imap", "timezone", "series", "date-order",
            "allowed-senders", "admins", "list-id", "list-sender", "trusted-authserv-ids", "moderation", "receipts");
    private static final Set<String> MODERATION_KEYS = Set.of("enabled", "threshold", "hold-warnings");
    private static final Set<String> RECEIPTS_KEYS = Set.of("enabled", "from", "per-sender-per-hour");
    private static final Set<String> IMAP_KEYS = Set.of("host", "port", "tls", "ca-file", "user", "password-env", "password-file", "folder",
            "idle", "after-processing", "move-to", "reconnect-min-seconds", "reconnect-max-seconds", "auth-retry-seconds",
            "timeout-seconds");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public Config load(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException(file + ": configuration file not found");
        }
        JsonNode root;
        try {
            root = yaml.readTree(absolute.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(file + where + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        return new Reader(file, absolute.getParent()).read(root);
    }

    private record Reader(Path file, Path base) {

        Config read(JsonNode root) throws ConfigException {
            if (root == null || !root.isObject()) {
                throw problem("(top level)", "expected a mapping of keys such as store, site, mailboxes");
            }
            checkKeys(root, TOP_KEYS, "");
            Path store = path(root, "store", "data/talkfeed.db");
            Path site = path(root, "site", "site");
            int poll = integer(root, "poll-interval-seconds", 60, 1, 86_400, "poll-interval-seconds");
            JsonNode server = object(root, "server");
            checkKeys(server, SERVER_KEYS, "server.");
            String host = text(server, "host", "127.0.0.1", "server.host");
            int port = integer(server, "port", 8080, 0, 65_535, "server.port");
            JsonNode calendar = object(root, "calendar");
            checkKeys(calendar, CALENDAR_KEYS, "calendar.");
            String name = text(calendar, "name", "talkfeed", "calendar.name");
            int minutes = integer(calendar, "default-duration-minutes", 60, 1, 24 * 60, "calendar.default-duration-minutes");
            String baseUrl = baseUrl(text(calendar, "base-url", null, "calendar.base-url"));
            int windowDays = integer(calendar, "window-days", 90, 1, 36_500, "calendar.window-days");
            int alarmMinutes = integer(calendar, "alarm-minutes", 15, 0, 7 * 24 * 60, "calendar.alarm-minutes");
            int refreshMinutes = integer(calendar, "refresh-minutes", 60, 1, 7 * 24 * 60, "calendar.refresh-minutes");
            DigestConfig digest = digest(object(root, "digest"), object(root, "smtp"));
            JsonNode announce = object(root, "announce");
            checkKeys(announce, ANNOUNCE_KEYS, "announce.");
            AnnounceConfig announcing = new AnnounceConfig(address(announce, "to", "announce.to"),
                    address(announce, "from", "announce.from"));
            List<MailboxConfig> mailboxes = mailboxes(root.get("mailboxes"), digest);
            return new Config(file.toAbsolutePath().normalize(), store, site, Duration.ofSeconds(poll), host, port, name,
                    Duration.ofMinutes(minutes), baseUrl, windowDays, alarmMinutes, refreshMinutes, mailboxes, digest, announcing);
        }

        private DigestConfig digest(JsonNode digest, JsonNode smtp) throws ConfigException {
            SmtpConfig server = smtp(smtp);
            if (digest == null) {
                return new DigestConfig(null, null, DigestConfig.OFF.weekday(), DigestConfig.OFF.hour(), false, server);
            }
            checkKeys(digest, DIGEST_KEYS, "digest.");
            String to = address(digest, "to", "digest.to");
            String from = address(digest, "from", "digest.from");
            DayOfWeek weekday = choice(digest, "weekday", DigestConfig.OFF.weekday(), "digest.weekday");
            int hour = integer(digest, "hour", DigestConfig.OFF.hour(), 0, 23, "digest.hour");
            boolean sendEmpty = bool(digest, "send-empty", false, "digest.send-empty");
            if (to != null && from == null) {
                throw problem("digest.from", "missing: the digest sent to " + to + " needs a From address");
            }
            if (to != null && server == null) {
                throw problem("smtp.host", "missing: the digest sent to " + to + " needs an SMTP server");
            }
            return new DigestConfig(to, from, weekday, hour, sendEmpty, server);
        }

        private String address(JsonNode parent, String key, String fullKey) throws ConfigException {
            String value = text(parent, key, null, fullKey);
            if (value == null) {
                return null;
            }
            try {
                new jakarta.mail.internet.InternetAddress(value, true);
            } catch (jakarta.mail.internet.AddressException e) {
                throw problem(fullKey, "\"" + value + "\" is not a mail address (" + e.getMessage() + ")");
            }
            return value;
        }

        private SmtpConfig smtp(JsonNode smtp) throws ConfigException {
            if (smtp == null) {
                return null;
            }
            for (String key : SMTP_PASSWORD_KEYS) {
                if (smtp.has(key)) {
                    throw problem("smtp." + key, "refused: the SMTP password never goes in this file; set the environment "
                            + "variable " + SmtpConfig.PASSWORD_VARIABLE + " for talkfeed instead");
                }
            }
            checkKeys(smtp, SMTP_KEYS, "smtp.");
            String host = text(smtp, "host", null, "smtp.host");
            if (host == null) {
                throw problem("smtp.host", "missing");
            }
            SmtpConfig.Tls tls = choice(smtp, "tls", SmtpConfig.Tls.STARTTLS, "smtp.tls");
            if (tls == SmtpConfig.Tls.NONE && !SmtpConfig.isLoopback(host)) {
                throw problem("smtp.tls", "none is allowed only for a server on this machine (localhost, 127.0.0.1, ::1), not "
                        + host + ": use starttls or tls");
            }
            int port = integer(smtp, "port", SmtpConfig.defaultPort(tls), 1, 65_535, "smtp.port");
            Path caFile = caFile(smtp, "smtp", tls != SmtpConfig.Tls.NONE, "starttls or tls");
            return new SmtpConfig(host, port, tls, caFile, text(smtp, "user", null, "smtp.user"));
        }

        /** An absolute http(s) address without its trailing slashes, since feed and page paths are appended to it. */
        private String baseUrl(String value) throws ConfigException {
            if (value == null) {
                return null;
            }
            try {
                java.net.URI uri = new java.net.URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                        || uri.getFragment() != null) {
                    throw problem("calendar.base-url", "expected an http or https address such as https://talks.example.edu, not \""
                            + value + "\"");
                }
            } catch (java.net.URISyntaxException e) {
                throw problem("calendar.base-url", "not an address: " + e.getMessage());
            }
            return value.replaceAll("/+$", "");
        }

        private List<MailboxConfig> mailboxes(JsonNode node, DigestConfig digest) throws ConfigException {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw problem("mailboxes", "expected a list of mailboxes");
            }
            List<MailboxConfig> result = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String key = "mailboxes[" + i + "]";
                JsonNode m = node.get(i);
                if (!m.isObject()) {
                    throw problem(key, "expected a mapping with name and maildir or imap");
                }
                checkKeys(m, MAILBOX_KEYS, key + ".");
                String name = text(m, "name", "mailbox-" + (i + 1), key + ".name");
                if (result.stream().anyMatch(r -> r.name().equals(name))) {
                    throw problem(key + ".name", "\"" + name + "\" is used by another mailbox");
                }
                Path maildir = m.has("maildir") ? path(m, "maildir", null) : null;
                ImapConfig imap = m.has("imap") ? imap(m.get("imap"), key + ".imap") : null;
                if ((maildir == null) == (imap == null)) {
                    throw problem(key, "give exactly one of maildir or imap");
                }
                if (maildir != null && !org.talkfeed.mail.MaildirFolder.isMaildir(maildir)) {
                    throw problem(key + ".maildir", "not a Maildir folder (with cur/ and new/): " + maildir);
                }
                String zone = text(m, "timezone", null, key + ".timezone");
                if (zone != null) {
                    try {
                        ZoneId.of(zone);
                    } catch (DateTimeException e) {
                        throw problem(key + ".timezone", "unknown time zone \"" + zone + "\" (use an IANA id such as America/Chicago)");
                    }
                }
                String order = text(m, "date-order", "month-first", key + ".date-order");
                if (!order.equals("month-first") && !order.equals("day-first")) {
                    throw problem(key + ".date-order", "expected month-first or day-first, not \"" + order + "\"");
                }
                SenderRules senders = new SenderRules(addresses(m, "allowed-senders", key), addresses(m, "admins", key),
                        texts(m, "list-id", key + ".list-id"), addresses(m, "list-sender", key),
                        texts(m, "trusted-authserv-ids", key + ".trusted-authserv-ids"));
                if (!senders.listIds().isEmpty() && senders.listSenders().isEmpty()) {
                    throw problem(key + ".list-id", "needs " + key + ".list-sender, the list's own envelope sender (its "
                            + "Return-Path): anyone can write a List-Id header, so it alone admits nothing");
                }
                result.add(new MailboxConfig(name, maildir, imap, zone, text(m, "series", null, key + ".series"),
                        order.equals("day-first"), senders, moderation(m, key + ".moderation"),
                        receipts(m, key + ".receipts", digest)));
            }
            return result;
        }

        /**
         * {@code moderation: true} (or on), or a mapping of {@code threshold} and {@code hold-warnings} (on unless it says
         * {@code enabled: false}); off when absent.
         */
        private Moderation moderation(JsonNode mailbox, String key) throws ConfigException {
            JsonNode node = mailbox.get("moderation");
            if (node == null || node.isNull()) {
                return Moderation.OFF;
            }
            if (!node.isObject()) {
                return switched(node, key) ? new Moderation(true, Moderation.DEFAULT_THRESHOLD, List.of()) : Moderation.OFF;
            }
            checkKeys(node, MODERATION_KEYS, key + ".");
            double threshold = Moderation.DEFAULT_THRESHOLD;
            JsonNode t = node.get("threshold");
            if (t != null && !t.isNull()) {
                if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 1) {
                    throw problem(key + ".threshold", "expected a number from 0 to 1, not \"" + t.asText() + "\"");
                }
                threshold = t.asDouble();
            }
            return new Moderation(bool(node, "enabled", true, key + ".enabled"), threshold,
                    texts(node, "hold-warnings", key + ".hold-warnings"));
        }

        /**
         * {@code receipts: true} (or on), or a mapping of {@code from} (else digest.from) and {@code per-sender-per-hour};
         * sending them needs an SMTP server (smtp.host).
         */
        private ReceiptsConfig receipts(JsonNode mailbox, String key, DigestConfig digest) throws ConfigException {
            JsonNode node = mailbox.get("receipts");
            if (node == null || node.isNull()) {
                return ReceiptsConfig.OFF;
            }
            boolean on;
            String from = null;
            int perHour = ReceiptsConfig.DEFAULT_PER_SENDER_PER_HOUR;
            if (node.isObject()) {
                checkKeys(node, RECEIPTS_KEYS, key + ".");
                on = bool(node, "enabled", true, key + ".enabled");
                from = address(node, "from", key + ".from");
                perHour = integer(node, "per-sender-per-hour", perHour, 1, 10_000, key + ".per-sender-per-hour");
            } else {
                on = switched(node, key);
            }
            if (!on) {
                return ReceiptsConfig.OFF;
            }
            from = from != null ? from : digest.from();
            if (from == null) {
                throw problem(key + ".from", "missing: receipts need a From address (here or digest.from)");
            }
            if (digest.smtp() == null) {
                throw problem("smtp.host", "missing: the receipts of " + key + " need an SMTP server");
            }
            return new ReceiptsConfig(true, from, perHour);
        }

        /** true or false, also written on or off. */
        private boolean switched(JsonNode node, String key) throws ConfigException {
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            String value = node.isValueNode() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
            if (value.equals("on") || value.equals("off")) {
                return value.equals("on");
            }
            throw problem(key, "expected on, off, true, false or a mapping, not \"" + node.asText() + "\"");
        }

        /** A list of addresses (name@host) or domains (@host) under {@code name}. */
        private List<String> addresses(JsonNode mailbox, String name, String mailboxKey) throws ConfigException {
            List<String> addresses = texts(mailbox, name, mailboxKey + "." + name);
            for (String address : addresses) {
                if (!address.contains("@")) {
                    throw problem(mailboxKey + "." + name, "\"" + address + "\" is not an address (name@host) or a domain (@host)");
                }
            }
            return addresses;
        }

        /** The PEM file of certificates that {@code key.ca-file} names, checked to hold one; null when not set. */
        private Path caFile(JsonNode node, String key, boolean withTls, String tlsChoices) throws ConfigException {
            Path caFile = node.has("ca-file") ? path(node, "ca-file", null) : null;
            if (caFile != null) {
                if (!withTls) {
                    throw problem(key + ".ca-file", "only used with tls: " + tlsChoices);
                }
                try {
                    TlsTrust.certificates(caFile);
                } catch (IOException e) {
                    throw problem(key + ".ca-file", e instanceof java.nio.file.NoSuchFileException ? "no such file: " + caFile
                            : e.getMessage());
                }
            }
            return caFile;
        }

        private ImapConfig imap(JsonNode node, String key) throws ConfigException {
            if (!node.isObject()) {
                throw problem(key, "expected a mapping with host, user, password-env...");
            }
            checkKeys(node, IMAP_KEYS, key + ".");
            String host = text(node, "host", null, key + ".host");
            if (host == null) {
                throw problem(key + ".host", "missing");
            }
            ImapConfig.Tls tls = choice(node, "tls", ImapConfig.Tls.IMPLICIT, key + ".tls");
            int port = integer(node, "port", tls == ImapConfig.Tls.IMPLICIT ? 993 : 143, 1, 65_535, key + ".port");
            Path caFile = caFile(node, key, tls != ImapConfig.Tls.NONE, "implicit or starttls");
            String user = text(node, "user", null, key + ".user");
            if (user == null) {
                throw problem(key + ".user", "missing");
            }
            String env = text(node, "password-env", null, key + ".password-env");
            Path passwordFile = node.has("password-file") ? path(node, "password-file", null) : null;
            if ((env == null) == (passwordFile == null)) {
                throw problem(key, "give exactly one of password-env or password-file (the password itself never goes in this file)");
            }
            boolean idle = bool(node, "idle", true, key + ".idle");
            ImapConfig.AfterProcessing after = choice(node, "after-processing", ImapConfig.AfterProcessing.KEEP,
                    key + ".after-processing");
            String moveTo = text(node, "move-to", null, key + ".move-to");
            if ((after == ImapConfig.AfterProcessing.MOVE) != (moveTo != null)) {
                throw problem(key + ".move-to", after == ImapConfig.AfterProcessing.MOVE
                        ? "missing: after-processing: move needs the folder to move to"
                        : "only used with after-processing: move");
            }
            int reconnectMin = integer(node, "reconnect-min-seconds", 1, 1, 3600, key + ".reconnect-min-seconds");
            int reconnectMax = integer(node, "reconnect-max-seconds", 300, reconnectMin, 86_400, key + ".reconnect-max-seconds");
            int authRetry = integer(node, "auth-retry-seconds", 900, 1, 86_400, key + ".auth-retry-seconds");
            int timeout = integer(node, "timeout-seconds", 60, 1, 3600, key + ".timeout-seconds");
            return new ImapConfig(host, port, tls, caFile, user, env, passwordFile, text(node, "folder", "INBOX", key + ".folder"),
                    idle, after, moveTo, Duration.ofSeconds(reconnectMin), Duration.ofSeconds(reconnectMax),
                    Duration.ofSeconds(authRetry), Duration.ofSeconds(timeout));
        }

        private void checkKeys(JsonNode node, Set<String> allowed, String prefix) throws ConfigException {
            if (node == null) {
                return;
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw problem(prefix + name, "unknown key (known here: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        private JsonNode object(JsonNode parent, String key) throws ConfigException {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw problem(key, "expected a mapping");
            }
            return node;
        }

        private String text(JsonNode parent, String key, String fallback, String fullKey) throws ConfigException {
            JsonNode node = parent == null ? null : parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isValueNode() || node.asText().isBlank()) {
                throw problem(fullKey, "expected a non-empty text value");
            }
            return node.asText().strip();
        }

        /** One of an enum's constants, written in lower case; the message lists them all when the value is none of them. */
        private <E extends Enum<E>> E choice(JsonNode parent, String key, E fallback, String fullKey) throws ConfigException {
            String value = text(parent, key, fallback.name().toLowerCase(Locale.ROOT), fullKey);
            E[] constants = fallback.getDeclaringClass().getEnumConstants();
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            List<String> names = java.util.Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            throw problem(fullKey, "expected " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                    + names.get(names.size() - 1) + ", not \"" + value + "\"");
        }

        private boolean bool(JsonNode parent, String key, boolean fallback, String fullKey) throws ConfigException {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw problem(fullKey, "expected true or false, not \"" + node.asText() + "\"");
            }
            return node.asBoolean();
        }

        /** A single text value or a list of them. */
        private List<String> texts(JsonNode parent, String key, String fullKey) throws ConfigException {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : node.isArray() ? node : List.of(node)) {
                if (!item.isValueNode() || item.asText().isBlank()) {
                    throw problem(fullKey, "expected a text value or a list of them");
                }
                values.add(item.asText().strip());
            }
            return values;
        }

        private int integer(JsonNode parent, String key, int fallback, int min, int max, String fullKey) throws ConfigException {
            JsonNode node = parent == null ? null : parent.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw problem(fullKey, "expected a whole number from " + min + " to " + max + ", not \"" + node.asText() + "\"");
            }
            int value = node.asInt();
            if (value < min || value > max) {
                throw problem(fullKey, value + " is out of range (" + min + " to " + max + ")");
            }
            return value;
        }

        private Path path(JsonNode parent, String key, String fallback) throws ConfigException {
            String value = text(parent, key, fallback, key);
            return value == null ? null : base.resolve(value).normalize();
        }

        private ConfigException problem(String key, String what) {
            return new ConfigException(file + ": " + key + ": " + what);
        }
    }
}
