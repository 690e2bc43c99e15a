package org.talkfeed.store;

/** The store file cannot be opened, read or written. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
