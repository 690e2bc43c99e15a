package org.talkfeed.extract;

/**
 * What the list's configuration says when an email does not.
 *
 * @param timezone IANA zone for times written without one; null to infer it from the message
 * @param series   series name for talks that do not name one; null for none
 * @param dayFirst whether "3/4" means 3 April
 */
public record ExtractionDefaults(String timezone, String series, boolean dayFirst) {
    public static final ExtractionDefaults NONE = new ExtractionDefaults(null, null, false);
}
