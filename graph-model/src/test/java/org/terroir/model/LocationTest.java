package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.terroir.model.id.Gln;
import org.terroir.model.id.Sgln;

class LocationTest {

    private static final Gln GLN = Gln.of("9520001000027");

    @Test
    void keyIsTheSglnKeyWithOrWithoutExtension() {
        Location farm = new Location(Sgln.of(GLN), LocationKind.FARM, "小陶农场", "Xiaotao farm");
        Location dryingShed = new Location(Sgln.of(GLN, "3"), LocationKind.PROCESSOR, "晒场", "Drying shed");
        assertThat(farm.key()).isEqualTo("414/9520001000027");
        assertThat(dryingShed.key()).isEqualTo("414/9520001000027/254/3");
        assertThat(dryingShed.gln()).isEqualTo(GLN);
    }

    @Test
    void rejectsMissingFieldsAndBlankNames() {
        assertThatNullPointerException().isThrownBy(() -> new Location(null, LocationKind.FARM, "农场", "Farm"))
                .withMessage("Location.sgln must not be null");
        assertThatNullPointerException().isThrownBy(() -> new Location(Sgln.of(GLN), null, "农场", "Farm"))
                .withMessage("Location.kind must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> new Location(Sgln.of(GLN), LocationKind.FARM, "农场", ""))
                .withMessage("Location.nameEn must not be blank");
    }

    @Test
    void kindValuesAreThoseOfTheGraph() {
        assertThat(LocationKind.values()).extracting(LocationKind::value).containsExactly("farm", "cooperative", "processor",
                "village_station", "township_station", "county_station", "carrier_hub", "retail", "warehouse");
        assertThat(LocationKind.fromValue("carrier_hub")).isEqualTo(LocationKind.CARRIER_HUB);
        assertThatIllegalArgumentException().isThrownBy(() -> LocationKind.fromValue("CARRIER_HUB"))
                .withMessageStartingWith("LocationKind must be one of farm, cooperative,");
    }
}
