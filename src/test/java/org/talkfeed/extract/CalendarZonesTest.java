package org.talkfeed.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarZonesTest {

    @Test
    void windowsNamesIanaIdsAndPathsAreIanaIds() {
        assertThat(CalendarZones.iana("Eastern Standard Time")).isEqualTo("America/New_York");
        assertThat(CalendarZones.iana("\"W. Europe Standard Time\"")).isEqualTo("Europe/Berlin");
        assertThat(CalendarZones.iana("india standard time")).isEqualTo("Asia/Kolkata");
        assertThat(CalendarZones.iana("America/Chicago")).isEqualTo("America/Chicago");
        assertThat(CalendarZones.iana("/softwarestudio.org/Tzfile/America/Argentina/Buenos_Aires"))
                .isEqualTo("America/Argentina/Buenos_Aires");
        assertThat(CalendarZones.iana("Customized Time Zone")).isNull();
        assertThat(CalendarZones.iana("EST")).isNull();
        assertThat(CalendarZones.iana("+05:00")).isNull();
    }

    @Test
    void everyZoneInTheTableIsOneJavaKnows() throws IOException {
        try (InputStream in = CalendarZones.class.getResourceAsStream("windows-zones.txt")) {
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long entries = table.lines().filter(l -> !l.startsWith("#") && l.contains("=")).peek(line -> {
                String zone = line.substring(line.lastIndexOf('=') + 1).strip();
                assertThat(ZoneId.of(zone).getId()).isEqualTo(zone);
                assertThat(CalendarZones.iana(line.substring(0, line.lastIndexOf('=')))).isEqualTo(zone);
            }).count();
            assertThat(entries).isGreaterThan(130);
        }
    }
}
