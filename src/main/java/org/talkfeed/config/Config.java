package org.talkfeed.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A validated talkfeed configuration; paths are absolute. */
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
        List<MailboxConfig> mailboxes) {
}
