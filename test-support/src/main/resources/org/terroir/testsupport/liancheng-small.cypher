// A small provenance graph in Liancheng County (Longyan, Fujian): two dried-sweet-potato lots
// produced at one farm, one hop out of the village. Shared by the tests of several modules.
CREATE (city:Region {code: '350800', level: 'prefecture', nameEn: 'Longyan', nameZh: '龙岩市'})
CREATE (county:Region {code: '350825', level: 'county', nameEn: 'Liancheng', nameZh: '连城县'})
CREATE (village:Region {code: '350825100201', level: 'village', nameEn: 'Xiaotao Village', nameZh: '小陶村'})
CREATE (village)-[:PART_OF]->(county)-[:PART_OF]->(city)
CREATE (farm:Location {key: '414/9520001000027', gln: '9520001000027', kind: 'farm', nameEn: 'Xiaotao farm', nameZh: '小陶农场'})-[:IN_REGION]->(village)
CREATE (hub:Location {key: '414/9520001000034', gln: '9520001000034', kind: 'carrier_hub', nameEn: 'Longyan hub', nameZh: '龙岩分拨中心'})
CREATE (:Brand {id: 'liancheng-dried-sweet-potato', kind: 'gi', nameEn: 'Liancheng Dried Sweet Potato', nameZh: '连城地瓜干'})-[:PROTECTS]->(county)
CREATE (b1:Batch {key: '01/09520001000010/10/L1', gtin: '09520001000010', lot: 'L1'})-[:PRODUCED_AT]->(farm)
CREATE (:Batch {key: '01/09520001000010/10/L2', gtin: '09520001000010', lot: 'L2'})-[:PRODUCED_AT]->(farm)
CREATE (hop:Hop {id: 'h1', departed: datetime('2026-01-08T04:00:00+08:00'), arrived: datetime('2026-01-08T07:00:00+08:00')})-[:FROM]->(farm)
CREATE (hop)-[:TO]->(hub)
CREATE (hop)-[:MOVED]->(b1)
