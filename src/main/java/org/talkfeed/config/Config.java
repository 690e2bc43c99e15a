package org.talkfeed.config;

import org.talkfeed.announce.AnnounceConfig;
import org.talkfeed.digest.DigestConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated talkfeed configuration; paths are absolute. {@code baseUrl} has no trailing slash. The feeds hold the
 * talks of the last {@code windowDays} and every upcoming one; reminders are {@code alarmMinutes} before a talk;
 * clients are asked to refresh every {@code refreshMinutes}. {@code digest} is {@link DigestConfig#OFF} unless configured;
 * {@code announce} is where {@code talkfeed announce --send} sends.
 */
public record Config(
        Path file,
        Path store,
        Path site,
        Duration pollInterval,
        String serverHost,
        int serverPort,
        String calendarName,
        Duration defaultDuration,
        String baseUrl,
        int windowDays,
        int alarmMinutes,
        int refreshMinutes,
        List<MailboxConfig> mailboxes,
        DigestConfig digest,
        AnnounceConfig announce) {
}
