package org.talkfeed.config;

/** A configuration the daemon cannot start with; the message names the file, the key and the problem. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
