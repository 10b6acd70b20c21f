import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes TypeORM cannot express (declared on the entities with synchronize: false):
 * - lq_bigrams(name): GIN over the name's two-character pieces. Trigram indexes need three
 *   characters, but Chinese queries are often two (比亚, 汽车); bigram containment narrows the
 *   rows and ILIKE confirms. Locale-independent, unlike pg_trgm on CJK.
 * - GIN on chain_node_ids for "tagged with this segment" filters.
 * - text_pattern_ops on uscc for prefix search under any collation.
 */
export class SearchIndexes1795635982587 implements MigrationInterface {
  name = 'SearchIndexes1795635982587';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION lq_bigrams(t text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
        FROM generate_series(1, char_length(t) - 1) AS i
      $$`);
    for (const table of ['companies', 'leads', 'projects']) {
      await queryRunner.query(`CREATE INDEX "IDX_${table}_name_bigrams" ON "${table}" USING gin (lq_bigrams(name))`);
      await queryRunner.query(`CREATE INDEX "IDX_${table}_chain_node_ids" ON "${table}" USING gin (chain_node_ids)`);
    }
    await queryRunner.query(`CREATE INDEX "IDX_companies_uscc_prefix" ON "companies" (uscc text_pattern_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_companies_uscc_prefix"`);
    for (const table of ['companies', 'leads', 'projects']) {
      await queryRunner.query(`DROP INDEX "IDX_${table}_chain_node_ids"`);
      await queryRunner.query(`DROP INDEX "IDX_${table}_name_bigrams"`);
    }
    await queryRunner.query('DROP FUNCTION lq_bigrams(text)');
  }
}
