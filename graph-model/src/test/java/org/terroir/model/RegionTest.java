package org.terroir.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionTest {

    private static final Region LONGYAN = new Region("350800", RegionLevel.PREFECTURE, "龙岩市", "Longyan");
    private static final Region LIANCHENG = new Region("350825", RegionLevel.COUNTY, "连城县", "Liancheng");
    private static final Region LIANFENG = new Region("350825100", RegionLevel.TOWNSHIP, "莲峰镇", "Lianfeng Town");
    private static final Region XIAOTAO = new Region("350825100201", RegionLevel.VILLAGE, "小陶村", "Xiaotao Village");

    @Test
    void acceptsTheHierarchyFromPrefectureToVillage() {
        assertThatNoException().isThrownBy(() -> {
            XIAOTAO.checkPartOf(LIANFENG);
            LIANFENG.checkPartOf(LIANCHENG);
            LIANCHENG.checkPartOf(LONGYAN);
        });
    }

    @Test
    void rejectsVillageCodeOfNineDigits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Region("350825100", RegionLevel.VILLAGE, "小陶村", "Xiaotao Village"))
                .withMessage("Region.code must be 12 digits for a village, got \"350825100\"");
    }

    @ParameterizedTest(name = "{1} code {0}")
    @CsvSource({"3508, PREFECTURE, 6", "35082510, COUNTY, 6", "350825, TOWNSHIP, 9", "3508251002011, VILLAGE, 12"})
    void rejectsCodeOfTheWrongLengthForItsLevel(String code, RegionLevel level, int expected) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Region(code, level, "名", "Name"))
                .withMessageStartingWith("Region.code must be " + expected + " digits for a " + level.value());
    }

    @Test
    void rejectsPrefectureCodeNotEndingInDoubleZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("350825", RegionLevel.PREFECTURE, "连城县", "Liancheng"))
                .withMessageStartingWith("Region.code must be a code ending in 00 for a prefecture");
    }

    @Test
    void rejectsProvinceCodeAsPrefecture() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("350000", RegionLevel.PREFECTURE, "福建省", "Fujian"))
                .withMessageContaining("ending in 0000 is a province");
    }

    @Test
    void rejectsCountyCodeEndingInDoubleZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("350800", RegionLevel.COUNTY, "龙岩市", "Longyan"))
                .withMessageStartingWith("Region.code must be a code not ending in 00 for a county");
    }

    @Test
    void rejectsTownshipCodeEndingInTripleZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("350825000", RegionLevel.TOWNSHIP, "镇", "Town"))
                .withMessageContaining("last three digits are not 000 for a township");
    }

    @Test
    void rejectsVillageCodeWithoutTownshipPart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("350825000201", RegionLevel.VILLAGE, "村", "Village"))
                .withMessageContaining("digits 7-9 and 10-12 are not 000 for a village");
    }

    @Test
    void rejectsCodeWithOtherCharactersThanDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("35082A", RegionLevel.COUNTY, "县", "County"))
                .withMessage("Region.code must be digits only (a PRC administrative division code), got \"35082A\"");
    }

    @Test
    void rejectsMissingFieldsNamingThem() {
        assertThatNullPointerException().isThrownBy(() -> new Region(null, RegionLevel.COUNTY, "县", "County"))
                .withMessage("Region.code must not be null");
        assertThatNullPointerException().isThrownBy(() -> new Region("350825", null, "县", "County"))
                .withMessage("Region.level must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> new Region("350825", RegionLevel.COUNTY, " ", "County"))
                .withMessage("Region.nameZh must not be blank");
    }

    @Test
    void stripsSurroundingWhiteSpaceFromNames() {
        assertThat(new Region("350825", RegionLevel.COUNTY, " 连城县 ", "Liancheng\t").nameEn()).isEqualTo("Liancheng");
    }

    @Test
    void derivesTheLevelFromTheCode() {
        assertThat(Region.of("350800", "龙岩市", "Longyan").level()).isEqualTo(RegionLevel.PREFECTURE);
        assertThat(Region.of("350825", "连城县", "Liancheng").level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(Region.of("350825100", "莲峰镇", "Lianfeng").level()).isEqualTo(RegionLevel.TOWNSHIP);
        assertThat(Region.of("350825100201", "小陶村", "Xiaotao").level()).isEqualTo(RegionLevel.VILLAGE);
        assertThatIllegalArgumentException().isThrownBy(() -> RegionLevel.ofCode("3508251"))
                .withMessage("Region.code must be 6 digits (prefecture or county), 9 (township) or 12 (village), got \"3508251\"");
    }

    @Test
    void childCodeMustStartWithTheParentsPrefix() {
        Region otherCounty = new Region("350824", RegionLevel.COUNTY, "武平县", "Wuping");
        assertThatIllegalArgumentException().isThrownBy(() -> XIAOTAO.checkPartOf(otherCounty))
                .withMessage("Region 350825100201 (village) cannot be PART_OF 350824 (county): "
                        + "its code must start with the parent's prefix 350824");
        Region otherPrefecture = new Region("350700", RegionLevel.PREFECTURE, "南平市", "Nanping");
        assertThatIllegalArgumentException().isThrownBy(() -> LIANCHENG.checkPartOf(otherPrefecture))
                .withMessageEndingWith("its code must start with the parent's prefix 3507");
    }

    @Test
    void parentMustBeOfAHigherLevel() {
        assertThatIllegalArgumentException().isThrownBy(() -> LIANCHENG.checkPartOf(XIAOTAO))
                .withMessage("Region 350825 (county) cannot be PART_OF 350825100201 (village): the parent must be of a higher level");
        Region sameLevel = new Region("350825101", RegionLevel.TOWNSHIP, "镇", "Town");
        assertThatIllegalArgumentException().isThrownBy(() -> LIANFENG.checkPartOf(sameLevel))
                .withMessageEndingWith("the parent must be of a higher level");
    }

    @Test
    void villageMayBePartOfItsCountyDirectly() {
        assertThatNoException().isThrownBy(() -> XIAOTAO.checkPartOf(LIANCHENG));
        assertThatNoException().isThrownBy(() -> XIAOTAO.checkPartOf(LONGYAN));
    }

    @Test
    void townshipOfACityWithoutCountiesIsPartOfItsPrefecture() {
        Region dongguan = Region.of("441900", "东莞市", "Dongguan");
        Region humen = Region.of("441900122", "虎门镇", "Humen Town");
        assertThatNoException().isThrownBy(() -> humen.checkPartOf(dongguan));
    }

    @Test
    void containsAnswersByLevelAndPrefix() {
        assertThat(LONGYAN.contains(XIAOTAO)).isTrue();
        assertThat(LIANCHENG.contains(LIANFENG)).isTrue();
        assertThat(LIANFENG.contains(LIANCHENG)).isFalse();
        assertThat(LIANCHENG.contains(LIANCHENG)).isFalse();
        assertThat(LONGYAN.prefix()).isEqualTo("3508");
        assertThat(LIANFENG.prefix()).isEqualTo("350825100");
    }

    @Test
    void levelsHaveTheGraphValuesCodeLengthsAndParents() {
        assertThat(RegionLevel.values()).extracting(RegionLevel::value)
                .containsExactly("prefecture", "county", "township", "village");
        assertThat(RegionLevel.values()).extracting(RegionLevel::codeLength).containsExactly(6, 6, 9, 12);
        assertThat(RegionLevel.VILLAGE.parent()).contains(RegionLevel.TOWNSHIP);
        assertThat(RegionLevel.TOWNSHIP.parent()).contains(RegionLevel.COUNTY);
        assertThat(RegionLevel.COUNTY.parent()).contains(RegionLevel.PREFECTURE);
        assertThat(RegionLevel.PREFECTURE.parent()).isEmpty();
        assertThat(RegionLevel.fromValue("township")).isEqualTo(RegionLevel.TOWNSHIP);
        assertThatIllegalArgumentException().isThrownBy(() -> RegionLevel.fromValue("province"))
                .withMessage("RegionLevel must be one of prefecture, county, township, village, got \"province\"");
    }
}
