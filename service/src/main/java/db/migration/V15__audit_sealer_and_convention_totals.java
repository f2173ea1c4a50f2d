package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 15. A Java migration because H2 and MariaDB spell "make a column nullable" differently
 * ({@code ALTER COLUMN … SET NULL} against {@code MODIFY …}); every other statement is the same SQL on both.
 *
 * <p>Audit trail without a network-wide lock: an event is appended unsealed (seq, previous_hash and
 * hash null) and the sealer gives it its place in the chain later; the chain head also keeps the
 * last sequence. The events of before keep their hashes and get their id as sequence (the old chain
 * was in id order; ids may have gaps, the links do not).
 *
 * <p>Allocation guard: the convention's running totals (allocated = ALLOCATION − RELEASE, repaid =
 * REPAYMENT) kept on its row, filled here from the ledger.
 */
public class V15__audit_sealer_and_convention_totals extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event ADD COLUMN seq BIGINT");
            if (h2) {
                s.execute("ALTER TABLE audit_event ALTER COLUMN previous_hash SET NULL");
                s.execute("ALTER TABLE audit_event ALTER COLUMN hash SET NULL");
            } else {
                s.execute("ALTER TABLE audit_event MODIFY previous_hash CHAR(64) NULL");
                s.execute("ALTER TABLE audit_event MODIFY hash CHAR(64) NULL");
            }
            s.execute("UPDATE audit_event SET seq = id");
            // unique: two sealers can never give the same place twice; NULLs (unsealed) may repeat
            s.execute("CREATE UNIQUE INDEX uk_audit_event_seq ON audit_event (seq)");
            s.execute("ALTER TABLE audit_chain_head ADD COLUMN last_seq BIGINT DEFAULT 0 NOT NULL");
            s.execute("UPDATE audit_chain_head SET last_seq = (SELECT COALESCE(MAX(seq), 0) FROM audit_event) WHERE id = 1");

            s.execute("ALTER TABLE convention ADD COLUMN allocated DECIMAL(15,2) DEFAULT 0 NOT NULL");
            s.execute("ALTER TABLE convention ADD COLUMN repaid DECIMAL(15,2) DEFAULT 0 NOT NULL");
            s.execute("UPDATE convention SET"
                    + " allocated = (SELECT COALESCE(SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount"
                    + " WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0) FROM ledger_movement m WHERE m.convention_id = convention.id),"
                    + " repaid = (SELECT COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT' THEN m.amount ELSE 0 END), 0)"
                    + " FROM ledger_movement m WHERE m.convention_id = convention.id)");
            // what the guard's conditional update keeps, the database enforces too
            s.execute("ALTER TABLE convention ADD CONSTRAINT ck_convention_allocated CHECK (allocated >= 0"
                    + " AND repaid >= 0 AND allocated <= amount + CASE WHEN revolving THEN repaid ELSE 0 END)");
        }
    }
}
