package org.talkfeed.extract;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The shipped lists of places: their size, their zones, and how names are found in text. */
class GazetteerTest {
    private static final int MAX_BYTES = 1_000_000;

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = Gazetteer.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String[]> rows(String name) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Gazetteer.class.getResourceAsStream(name),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }

    @Test
    void theListsAreSmallAndLoadOnce() throws Exception {
        int bytes = resource(Gazetteer.CITIES).length + resource(Gazetteer.REGIONS).length;
        assertThat(bytes).isLessThan(MAX_BYTES);
        long started = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.load();
        System.out.printf("gazetteer: %d names from %d bytes loaded in %.1f ms%n", gazetteer.size(), bytes,
                (System.nanoTime() - started) / 1e6);
        assertThat(gazetteer.size()).isGreaterThan(2000);
    }

    @Test
    void theCityListNamesItsSourceAndLicence() throws Exception {
        String head = new String(resource(Gazetteer.CITIES), StandardCharsets.UTF_8).lines().limit(5).reduce("", String::concat);
        assertThat(head).contains("city-timezones 1.3.4").contains("MIT");
    }

    @Test
    void everyRowHasItsColumnsAndAZoneThisJavaKnows() throws Exception {
        for (String file : List.of(Gazetteer.CITIES, Gazetteer.REGIONS)) {
            for (String[] row : rows(file)) {
                assertThat(row.length).as("%s: %s", file, String.join("|", row)).isGreaterThanOrEqualTo(4);
                if (!row[1].isEmpty()) {
                    assertThatCode(() -> ZoneId.of(row[1])).as("%s: %s", file, row[0]).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void namesAreFoundWholeWithAccentsOrWithout() {
        Gazetteer g = Gazetteer.shared();
        assertThat(g.find("ETH Zurich")).extracting(Gazetteer.Mention::text).containsExactly("Zurich");
        assertThat(g.find("ETH Zürich")).extracting(Gazetteer.Mention::text).containsExactly("Zürich");
        assertThat(g.find("New York City")).extracting(Gazetteer.Mention::text).contains("New York");
        assertThat(g.find("Washington, D.C.")).extracting(Gazetteer.Mention::text).containsExactly("Washington, D.C");
        assertThat(g.find("Parisian cafés and the paris metro")).as("part of a word, or no capital").isEmpty();
        assertThat(g.find("Room D, C wing")).as("letters are not D.C.").isEmpty();
        assertThat(g.find("We meet IN the hall OR outside")).as("codes only after a comma").isEmpty();
        assertThat(g.find("Portland, OR")).extracting(Gazetteer.Mention::text).containsExactly("Portland", "OR");
    }

    @Test
    void onlyTheStartOfALongTextIsRead() {
        String far = "x ".repeat(5000) + "Tokyo";
        assertThat(Gazetteer.shared().find(far)).isEmpty();
        assertThat(Gazetteer.shared().find("Tokyo " + "x ".repeat(5000))).hasSize(1);
    }
}
