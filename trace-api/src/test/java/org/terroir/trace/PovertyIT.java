package org.terroir.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.terroir.trace.access.Role;

/** Poverty-alleviation figures on the demo data, and who may read them. */
class PovertyIT extends DemoApiTestBase {

    private static final String LIANCHENG = "liancheng-dried-sweet-potato";
    private static final String FIGURES = """
            query figures($brands: [String!], $region: String) {
              povertyFigures(brands: $brands, region: $region) {
                brand region { code level nameEn } households registeredPoorHouseholds
                volumes { unit quantity registeredPoorQuantity }
              }
            }""";

    private HttpGraphQlTester.Response figures(HttpGraphQlTester tester, java.util.List<String> brands, String region) {
        return tester.document(FIGURES).variable("brands", brands).variable("region", region).execute();
    }

    @Test
    void aRegulatorSeesTheHouseholdsBehindEveryBrandPerCounty() {
        var response = figures(graphQlWith(token(Role.REGULATOR, null)), null, null);
        response.errors().verify();
        response.path("povertyFigures[*].brand").entityList(String.class)
                .satisfies(brands -> assertThat(brands).hasSize(9).contains(LIANCHENG, "zhangjiachuan-halal-beef"));
        var liancheng = figures(graphQlWith(token(Role.REGULATOR, null)), java.util.List.of(LIANCHENG), "350825");
        liancheng.path("povertyFigures[0].region.code").entity(String.class).isEqualTo("350825");
        liancheng.path("povertyFigures[0].households").entity(Integer.class).isEqualTo(4);
        liancheng.path("povertyFigures[0].registeredPoorHouseholds").entity(Integer.class).isEqualTo(2);
        liancheng.path("povertyFigures[0].volumes[0].unit").entity(String.class).isEqualTo("KGM");
        liancheng.path("povertyFigures[0].volumes[0].quantity").entity(Double.class).isEqualTo(1800.0);
        liancheng.path("povertyFigures[0].volumes[0].registeredPoorQuantity").entity(Double.class).isEqualTo(1080.0);
        figures(graphQlWith(token(Role.REGULATOR, null)), java.util.List.of(LIANCHENG), "620525")
                .path("povertyFigures").entityList(Object.class).hasSize(0);
    }

    @Test
    void anAssociationSeesItsOwnBrandsOnly() {
        HttpGraphQlTester association = graphQlWith(token(Role.ASSOCIATION, "9520011000017"));
        var own = figures(association, null, null);
        own.errors().verify();
        own.path("povertyFigures[*].brand").entityList(String.class).containsExactly(LIANCHENG);
        figures(association, java.util.List.of(LIANCHENG, "zhangjiachuan-halal-beef"), null)
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN");
                    assertThat(error.getMessage()).contains("own brands only [" + LIANCHENG + "]", "zhangjiachuan-halal-beef");
                }))
                .path("povertyFigures").valueIsNull();
    }

    @Test
    void thePublicAndCarriersGetForbidden() {
        for (HttpGraphQlTester tester : new HttpGraphQlTester[] {graphQl, graphQlWith(token(Role.PUBLIC, null)),
                graphQlWith(token(Role.LOGISTICS, "9520099000015"))}) {
            figures(tester, null, null).errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")))
                    .path("povertyFigures").valueIsNull();
        }
    }

    @Test
    void anInvalidRegionCodeNamesTheArgument() {
        figures(graphQlWith(token(Role.REGULATOR, null)), null, "35082").errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> assertThat(error.getExtensions()).containsEntry("argument", "region")));
    }
}
