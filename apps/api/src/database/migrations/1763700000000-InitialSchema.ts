import { MigrationInterface, QueryRunner } from 'typeorm';

// Counter columns of dossier_fact and both rollups, in the order of COUNTERS in @ioc/domain.
// Written out here so that the migration stays what it was when it ran.
const COUNTER_COLUMNS = `
  received integer NOT NULL DEFAULT 0,
  received_online integer NOT NULL DEFAULT 0,
  received_direct integer NOT NULL DEFAULT 0,
  received_postal integer NOT NULL DEFAULT 0,
  digitization_base integer NOT NULL DEFAULT 0,
  digitization_full integer NOT NULL DEFAULT 0,
  fee_dossiers integer NOT NULL DEFAULT 0,
  fee_dossiers_paid integer NOT NULL DEFAULT 0,
  resolved integer NOT NULL DEFAULT 0,
  resolved_on_time integer NOT NULL DEFAULT 0,
  resolved_early integer NOT NULL DEFAULT 0,
  resolved_late integer NOT NULL DEFAULT 0,
  resolved_result_digitized integer NOT NULL DEFAULT 0,
  resolved_late_apologized integer NOT NULL DEFAULT 0,
  payments_succeeded integer NOT NULL DEFAULT 0,
  payments_amount_vnd bigint NOT NULL DEFAULT 0,
  payments_failed integer NOT NULL DEFAULT 0,
  ratings integer NOT NULL DEFAULT 0,
  ratings_satisfied integer NOT NULL DEFAULT 0`;

export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        parent_code text REFERENCES unit (code) DEFERRABLE INITIALLY DEFERRED,
        demo boolean NOT NULL DEFAULT false
      )`);
    // Closure of the unit tree, self included: scopes and rankings by any level in one join.
    await db.query(`
      CREATE TABLE unit_ancestor (
        unit_code text NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
        ancestor_code text NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
        ancestor_level text NOT NULL,
        PRIMARY KEY (ancestor_code, unit_code)
      )`);
    await db.query(
      `CREATE INDEX unit_ancestor_unit_idx ON unit_ancestor (unit_code, ancestor_level)`,
    );
    await db.query(`
      CREATE TABLE agency (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('department', 'district_committee', 'commune_committee', 'vertical')),
        unit_code text NOT NULL REFERENCES unit (code),
        demo boolean NOT NULL DEFAULT false
      )`);
    await db.query(`
      CREATE TABLE procedure (
        code text PRIMARY KEY,
        name text NOT NULL,
        field text NOT NULL,
        processing_days integer NOT NULL CHECK (processing_days >= 0),
        online_level text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
        fee_vnd bigint NOT NULL DEFAULT 0,
        agency_kind text,
        agency_code text,
        demo boolean NOT NULL DEFAULT false
      )`);

    // The append-only log of accepted events: the source of truth every derived table is rebuilt from.
    await db.query(`
      CREATE TABLE event (
        event_id text PRIMARY KEY,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        dossier_id text,
        payload jsonb NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        api_key_id integer
      )`);
    await db.query(
      `CREATE INDEX event_dossier_idx ON event (dossier_id) WHERE dossier_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE dossier (
        dossier_id text PRIMARY KEY,
        procedure_code text NOT NULL,
        agency_code text NOT NULL,
        unit_code text NOT NULL,
        channel text NOT NULL,
        received_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        due_steps jsonb,
        resolved_at timestamptz,
        withdrawn_at timestamptz,
        fee_vnd bigint NOT NULL,
        first_paid_at timestamptz,
        open_range tstzrange NOT NULL,
        paused tstzmultirange NOT NULL,
        overdue tstzmultirange NOT NULL,
        due_soon tstzmultirange NOT NULL,
        unpaid_range tstzrange
      )`);
    await db.query(`CREATE INDEX dossier_open_idx ON dossier USING gist (open_range)`);
    await db.query(
      `CREATE INDEX dossier_unpaid_idx ON dossier USING gist (unpaid_range) WHERE unpaid_range IS NOT NULL`,
    );
    await db.query(`CREATE INDEX dossier_received_idx ON dossier (received_at)`);

    await db.query(`
      CREATE TABLE dossier_fact (
        dossier_id text NOT NULL,
        seq smallint NOT NULL,
        at timestamptz NOT NULL,
        day date NOT NULL,
        agency_code text NOT NULL,
        unit_code text NOT NULL,
        ${COUNTER_COLUMNS},
        PRIMARY KEY (dossier_id, seq)
      )`);
    await db.query(`CREATE INDEX dossier_fact_at_idx ON dossier_fact (at)`);
    await db.query(`
      CREATE TABLE unit_day_rollup (
        day date NOT NULL,
        unit_code text NOT NULL,
        ${COUNTER_COLUMNS},
        PRIMARY KEY (day, unit_code)
      )`);
    await db.query(`
      CREATE TABLE agency_day_rollup (
        day date NOT NULL,
        agency_code text NOT NULL,
        ${COUNTER_COLUMNS},
        PRIMARY KEY (day, agency_code)
      )`);

    await db.query(`
      CREATE TABLE staffing_report (
        event_id text PRIMARY KEY REFERENCES event (event_id),
        agency_code text NOT NULL,
        reported_at timestamptz NOT NULL,
        quota integer NOT NULL,
        headcount integer NOT NULL,
        on_duty integer NOT NULL,
        streamlined integer,
        recruited integer
      )`);
    await db.query(
      `CREATE INDEX staffing_report_latest_idx ON staffing_report (agency_code, reported_at DESC)`,
    );

    await db.query(`
      CREATE TABLE calendar_override (
        day date PRIMARY KEY,
        working boolean NOT NULL,
        note text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE app_user (
        username text PRIMARY KEY,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'leader', 'district_chief', 'wall')),
        unit_code text REFERENCES unit (code),
        disabled boolean NOT NULL DEFAULT false,
        CHECK (role <> 'district_chief' OR unit_code IS NOT NULL)
      )`);
    // Ingest keys of source systems and kiosk tokens of wall displays: only a hash is kept.
    await db.query(`
      CREATE TABLE access_key (
        id serial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('ingest', 'wall')),
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'access_key',
      'app_user',
      'calendar_override',
      'staffing_report',
      'agency_day_rollup',
      'unit_day_rollup',
      'dossier_fact',
      'dossier',
      'event',
      'procedure',
      'agency',
      'unit_ancestor',
      'unit',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
