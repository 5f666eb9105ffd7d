package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Sgln;

class GeoPointTest {

    @Test
    void readsDecimalDegreesWithTheirSign() {
        assertThat(GeoPoint.latitude(" 25.71 ")).isEqualTo(25.71);
        assertThat(GeoPoint.latitude("-33.87")).isEqualTo(-33.87);
        assertThat(GeoPoint.longitude("+116.75")).isEqualTo(116.75);
        assertThat(GeoPoint.longitude("-180")).isEqualTo(-180.0);
        assertThat(new GeoPoint(90, 180)).isEqualTo(new GeoPoint(90.0, 180.0));
    }

    @Test
    void refusesWhatIsNotDecimalDegreesOrIsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.latitude("25°48'N"))
                .withMessage("latitude must be decimal degrees such as 25.71 or -33.87, got \"25°48'N\"");
        assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.longitude("1e2"))
                .withMessage("longitude must be decimal degrees such as 116.75 or -70.65, got \"1e2\"");
        assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.latitude(""))
                .withMessageContaining("got \"\"");
        assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.latitude("90.01"))
                .withMessage("latitude must be between -90 and 90 degrees, got 90.01");
        assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.longitude("-181"))
                .withMessage("longitude must be between -180 and 180 degrees, got -181.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(Double.NaN, 0))
                .withMessageStartingWith("latitude must be between");
    }

    @Test
    void aLocationHasAPlaceOrNone() {
        Sgln sgln = Sgln.of(Gln.of("9520001000027"));
        assertThat(new Location(sgln, LocationKind.RETAIL, "浦东新区自提点", "Pudong pick-up point").place()).isEmpty();
        assertThat(new Location(sgln, LocationKind.RETAIL, "浦东新区自提点", "Pudong pick-up point",
                Optional.of(new GeoPoint(31.22, 121.54))).place()).contains(new GeoPoint(31.22, 121.54));
    }
}
