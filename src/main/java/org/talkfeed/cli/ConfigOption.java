package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The --config option shared by the subcommands, and where the default configuration is found. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: config/talkfeed.yaml of the talkfeed folder, reading samples/maildir).")
    Path file;

    Config load() throws ConfigException {
        return new ConfigLoader().load(file != null ? file : defaultFile());
    }

    boolean given() {
        return file != null;
    }

    /** The embedded default: config/talkfeed.yaml under talkfeed's home (set by bin/talkfeed), else the working folder. */
    static Path defaultFile() {
        String home = System.getProperty("talkfeed.home");
        Path candidate = home != null ? Path.of(home, "config", "talkfeed.yaml") : Path.of("config", "talkfeed.yaml");
        return Files.exists(candidate) ? candidate : Path.of("config", "talkfeed.yaml");
    }
}
