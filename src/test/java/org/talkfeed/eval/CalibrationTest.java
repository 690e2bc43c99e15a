package org.talkfeed.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class CalibrationTest {

    @Test
    void theTableComparesPredictedWithObservedAndTheThresholdSplitsTheTalks() {
        Calibration c = new Calibration();
        for (int i = 0; i < 10; i++) {
            c.add(0.95, i < 9);  // 0.95 said, 0.9 observed
            c.add(0.25, i < 5);  // 0.25 said, 0.5 observed
        }
        assertThat(c.talks()).isEqualTo(20);
        assertThat(c.shareAbove(0.7)).isEqualTo(0.5);
        assertThat(c.rightAbove(0.7)).isEqualTo(0.9);
        assertThat(c.right()).isEqualTo(0.7);
        assertThat(c.expectedError()).isCloseTo((10 * 0.05 + 10 * 0.25) / 20, offset(1e-9));
        assertThat(c.table(0.7)).contains("0.9-1.0        10     0.950     0.900").contains("0.2-0.3        10     0.250     0.500");
    }
}
