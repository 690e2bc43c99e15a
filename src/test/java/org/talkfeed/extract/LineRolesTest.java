package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineRolesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Best,", "Kind regards, Maria", "Best regards,", "Cheers,", "Thanks!", "Have a good week,",
            "Viele Grüße,", "Mit freundlichen Grüßen", "Viele Grüße, Lena Schäfer", "Cordialement,", "Bien à vous,",
            "Saludos,", "Un saludo, Ana", "Met vriendelijke groet,", "*Best wishes,*",
            "Best regards, Rhys Pemberton (for the organizers)"})
    void closingsInSeveralLanguages(String line) {
        assertThat(LineRoles.of(line)).isEqualTo(LineRoles.Role.CLOSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Best Paper Award at ICSE 2024", "Thanks to our sponsors for the coffee.", "Thanksgiving break",
            "Regardless of the network, the protocol terminates.", "Cheers and jeers: sentiment in online forums",
            "Best-response dynamics converge in potential games, as we show for the first time in the dynamic case."})
    void sentencesThatStartLikeClosingsAreText(String line) {
        assertThat(LineRoles.of(line)).isEqualTo(LineRoles.Role.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://lists.example.org/mailman/listinfo/talks",
            "You received this message because you are subscribed to the Google Groups \"seminars\" group.",
            "To unsubscribe from this group, send an email to seminars+unsubscribe@example.org.",
            "You are receiving this message because you subscribed to talks. To change your subscription, visit the page.",
            "Um diese Liste abzubestellen oder vom Verteiler abmelden: siehe unten",
            "Pour vous désabonner de la liste, cliquez ici pour vous désinscrire."})
    void listFooters(String line) {
        assertThat(LineRoles.of(line)).isEqualTo(LineRoles.Role.FOOTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"----------------------------------------", "==========", "* * * * *", "________________", "~~~~"})
    void separators(String line) {
        assertThat(LineRoles.of(line)).isEqualTo(LineRoles.Role.SEPARATOR);
    }

    @Test
    void aLogisticsParagraphEndsADescription() {
        List<String> lines = List.of("Abstract:", "We prove a bound.", "", "Refreshments will be served at 3:15pm.", "",
                "Kaffee und Kuchen gibt es ab 16 Uhr.", "", "The bound is tight.");
        assertThat(LineRoles.endsDescription(lines, 3)).isTrue();
        assertThat(LineRoles.endsDescription(lines, 5)).isTrue();
        assertThat(LineRoles.endsDescription(lines, 7)).isFalse();
    }

    @Test
    void aLoneFirstNameClosingTheMessageIsASignOff() {
        List<String> lines = List.of("Abstract: We prove a bound.", "", "Nikhil", "");
        assertThat(LineRoles.endsDescription(lines, 2)).isTrue();
    }

    @Test
    void aSpeakerNameLineInAHeaderBlockIsNoSignOff() {
        List<String> lines = List.of("Abstract: We prove a bound.", "", "Jane Doe", "", "Title: Tight bounds");
        assertThat(LineRoles.endsDescription(lines, 2)).isFalse();
        assertThat(LineRoles.of("Jane Doe")).isEqualTo(LineRoles.Role.TEXT);
    }

    @Test
    void aSignatureBlockClosingTheMessageEndsADescription() {
        List<String> lines = List.of("Abstract: We prove a bound.", "", "Graduate Office",
                "Department of Mathematics, Example University");
        assertThat(LineRoles.endsDescription(lines, 2)).isTrue();
    }

    @Test
    void aLastParagraphOfProseIsNoSignature() {
        List<String> lines = List.of("Abstract: We prove a bound.", "", "Joint work with Ada Byron and Alan Turing.",
                "It appeared at a recent conference.");
        assertThat(LineRoles.endsDescription(lines, 2)).isFalse();
    }
}
