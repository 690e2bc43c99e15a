package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "publish", mixinStandardHelpOptions = true, description = "Rebuilds the site folder from the store.")
final class PublishCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        try (TalkStore store = Parts.store(config)) {
            return new Daemon(config, store, Parts.publisher(config)).publish() == null ? 1 : 0;
        }
    }
}
