package org.terroir.importer.masterdata;

import java.util.List;
import org.terroir.model.cypher.Statement;

/**
 * The statements that write the master-data CSV files (see {@code docs/master-data.md}), beside the
 * code that makes their rows ({@link MasterDataReader}) and runs them ({@link MasterDataImport}): each
 * UNWINDs a batch of {@code $rows} and MERGEs on natural keys, so a re-import changes nothing; the
 * {@code existing*} ones find which referenced keys the graph already holds. Each has an example run
 * against Neo4j in {@code MasterDataStatementsIT}.
 */
public final class MasterDataStatements {

    private MasterDataStatements() {
    }

    public static final Statement MASTER_REGIONS = new Statement("masterData.regions", """
            UNWIND $rows AS row
            MERGE (r:Region {code: row.code})
            SET r.level = row.level, r.nameZh = row.nameZh, r.nameEn = row.nameEn
            """);

    /** After all regions of the import exist: each region's one parent. */
    public static final Statement MASTER_REGION_PARENTS = new Statement("masterData.regionParents", """
            UNWIND $rows AS row
            MATCH (r:Region {code: row.code})
            CALL (r, row) {
              OPTIONAL MATCH (r)-[old:PART_OF]->(p:Region)
              WHERE row.parentCode IS NULL OR p.code <> row.parentCode
              DELETE old
            }
            WITH r, row WHERE row.parentCode IS NOT NULL
            MATCH (p:Region {code: row.parentCode})
            MERGE (r)-[:PART_OF]->(p)
            """);

    public static final Statement MASTER_PARTIES = new Statement("masterData.parties", """
            UNWIND $rows AS row
            MERGE (p:Party {gln: row.gln})
            REMOVE p:Cooperative:Enterprise:Association:Carrier:Regulator
            SET p.kind = row.kind, p.nameZh = row.nameZh, p.nameEn = row.nameEn, p:$(row.label)
            WITH p, row
            CALL (p, row) {
              OPTIONAL MATCH (p)-[old:BASED_IN]->(r:Region)
              WHERE row.regionCode IS NULL OR r.code <> row.regionCode
              DELETE old
            }
            WITH p, row WHERE row.regionCode IS NOT NULL
            MATCH (r:Region {code: row.regionCode})
            MERGE (p)-[:BASED_IN]->(r)
            """);

    public static final Statement MASTER_BRANDS = new Statement("masterData.brands", """
            UNWIND $rows AS row
            MERGE (b:Brand {id: row.id})
            SET b.kind = row.kind, b.nameZh = row.nameZh, b.nameEn = row.nameEn,
                b.giRegistration = row.giRegistration, b.storyEn = row.storyEn, b.storyZh = row.storyZh
            WITH b, row
            CALL (b, row) {
              OPTIONAL MATCH (b)-[old:OWNED_BY]->(a:Party) WHERE a.gln <> row.ownerGln
              DELETE old
            }
            CALL (b, row) {
              OPTIONAL MATCH (b)-[old:PROTECTS]->(r:Region) WHERE NOT r.code IN row.protectedRegionCodes
              DELETE old
            }
            CALL (b, row) {
              MATCH (a:Party {gln: row.ownerGln})
              MERGE (b)-[:OWNED_BY]->(a)
            }
            CALL (b, row) {
              UNWIND row.protectedRegionCodes AS code
              MATCH (r:Region {code: code})
              MERGE (b)-[:PROTECTS]->(r)
            }
            """);

    public static final Statement MASTER_PRODUCTS = new Statement("masterData.products", """
            UNWIND $rows AS row
            MERGE (p:Product {gtin: row.gtin})
            SET p.nameZh = row.nameZh, p.nameEn = row.nameEn
            WITH p, row
            CALL (p, row) {
              OPTIONAL MATCH (p)-[old:OF_BRAND]->(b:Brand) WHERE b.id <> row.brandId
              DELETE old
            }
            MATCH (b:Brand {id: row.brandId})
            MERGE (p)-[:OF_BRAND]->(b)
            """);

    public static final Statement MASTER_LOCATIONS = new Statement("masterData.locations", """
            UNWIND $rows AS row
            MERGE (l:Location {key: row.key})
            SET l.gln = row.gln, l.extension = row.extension, l.kind = row.kind,
                l.nameZh = row.nameZh, l.nameEn = row.nameEn, l.latitude = row.latitude, l.longitude = row.longitude
            WITH l, row
            CALL (l, row) {
              OPTIONAL MATCH (l)-[old:IN_REGION]->(r:Region) WHERE r.code <> row.regionCode
              DELETE old
            }
            CALL (l, row) {
              OPTIONAL MATCH (l)-[old:OPERATED_BY]->(p:Party)
              WHERE row.operatorGln IS NULL OR p.gln <> row.operatorGln
              DELETE old
            }
            CALL (l, row) {
              MATCH (r:Region {code: row.regionCode})
              MERGE (l)-[:IN_REGION]->(r)
            }
            CALL (l, row) {
              MATCH (p:Party {gln: row.operatorGln})
              MERGE (l)-[:OPERATED_BY]->(p)
            }
            """);

    public static final Statement MASTER_CERTIFICATIONS = new Statement("masterData.certifications", """
            UNWIND $rows AS row
            MERGE (c:Certification {id: row.id})
            SET c.kind = row.kind, c.number = row.number, c.issuer = row.issuer,
                c.validFrom = date(row.validFrom), c.validUntil = date(row.validUntil)
            WITH c, row
            CALL (row) {
              MATCH (s:Brand {id: row.subjectId}) WHERE row.subjectKind = 'brand' RETURN s
              UNION
              MATCH (s:Product {gtin: row.subjectId}) WHERE row.subjectKind = 'product' RETURN s
              UNION
              MATCH (s:Party {gln: row.subjectId}) WHERE row.subjectKind = 'party' RETURN s
            }
            CALL (c, s) {
              OPTIONAL MATCH (c)-[old:CERTIFIES]->(other) WHERE other <> s
              DELETE old
            }
            MERGE (c)-[:CERTIFIES]->(s)
            """);

    /** Producer households: the public node and, apart, the personal data. */
    public static final Statement MASTER_PRODUCERS = new Statement("masterData.producers", """
            UNWIND $rows AS row
            MERGE (p:Producer {pseudonym: row.pseudonym})
            SET p.registeredPoor = row.registeredPoor
            MERGE (i:ProducerIdentity {pseudonym: row.pseudonym})
            SET i.name = row.name, i.phone = row.phone, i.idNumber = row.idNumber
            MERGE (p)-[:IDENTIFIED_BY]->(i)
            WITH p, row
            CALL (p, row) {
              OPTIONAL MATCH (p)-[old:LIVES_IN]->(r:Region) WHERE r.code <> row.villageCode
              DELETE old
            }
            CALL (p, row) {
              OPTIONAL MATCH (p)-[old:MEMBER_OF]->(c:Party)
              WHERE row.cooperativeGln IS NULL OR c.gln <> row.cooperativeGln
              DELETE old
            }
            CALL (p, row) {
              MATCH (r:Region {code: row.villageCode})
              MERGE (p)-[:LIVES_IN]->(r)
            }
            CALL (p, row) {
              MATCH (c:Party {gln: row.cooperativeGln})
              MERGE (p)-[:MEMBER_OF]->(c)
            }
            """);

    /** What a household contributed to a batch; the batch is created if its events come later. */
    public static final Statement MASTER_CONTRIBUTIONS = new Statement("masterData.contributions", """
            UNWIND $rows AS row
            MATCH (p:Producer {pseudonym: row.pseudonym})
            MERGE (b:Batch {key: row.batchKey})
            ON CREATE SET b.gtin = row.gtin, b.lot = row.lot
            MERGE (p)-[c:CONTRIBUTED]->(b)
            SET c.quantity = row.quantity, c.unit = row.unit
            """);

    /** Which of {@code $keys} exist as nodes of a kind, to check references before writing. */
    public static final Statement MASTER_EXISTING_REGIONS = new Statement("masterData.existingRegions", """
            UNWIND $keys AS key MATCH (n:Region {code: key}) RETURN collect(key) AS found
            """);

    public static final Statement MASTER_EXISTING_PARTIES = new Statement("masterData.existingParties", """
            UNWIND $keys AS key MATCH (n:Party {gln: key}) RETURN collect(key) AS found
            """);

    public static final Statement MASTER_EXISTING_BRANDS = new Statement("masterData.existingBrands", """
            UNWIND $keys AS key MATCH (n:Brand {id: key}) RETURN collect(key) AS found
            """);

    public static final Statement MASTER_EXISTING_PRODUCTS = new Statement("masterData.existingProducts", """
            UNWIND $keys AS key MATCH (n:Product {gtin: key}) RETURN collect(key) AS found
            """);

    /** All of them, in declaration order. */
    public static List<Statement> all() {
        return Statement.declaredIn(MasterDataStatements.class);
    }
}
