package fr.essor.web.accounting;

import fr.essor.service.accounting.AccountingViews;
import fr.essor.service.accounting.MappingInput;
import java.io.Serializable;

/** One editable line of the chart of accounts on the page. */
public class MappingRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String movementKind;
    private String instrument;
    private String debitAccount;
    private String debitLabel;
    private String creditAccount;
    private String creditLabel;
    private String journalCode;
    private String journalLabel;

    static MappingRow of(AccountingViews.Line l) {
        MappingRow r = new MappingRow();
        r.movementKind = l.movementKind();
        r.instrument = l.instrument();
        r.debitAccount = l.debitAccount();
        r.debitLabel = l.debitLabel();
        r.creditAccount = l.creditAccount();
        r.creditLabel = l.creditLabel();
        r.journalCode = l.journalCode();
        r.journalLabel = l.journalLabel();
        return r;
    }

    MappingInput input() {
        return new MappingInput(movementKind, instrument, debitAccount, debitLabel, creditAccount, creditLabel, journalCode,
                journalLabel);
    }

    public String getMovementKind() {
        return movementKind;
    }

    public void setMovementKind(String movementKind) {
        this.movementKind = movementKind;
    }

    public String getInstrument() {
        return instrument;
    }

    public void setInstrument(String instrument) {
        this.instrument = instrument;
    }

    public String getDebitAccount() {
        return debitAccount;
    }

    public void setDebitAccount(String debitAccount) {
        this.debitAccount = debitAccount;
    }

    public String getDebitLabel() {
        return debitLabel;
    }

    public void setDebitLabel(String debitLabel) {
        this.debitLabel = debitLabel;
    }

    public String getCreditAccount() {
        return creditAccount;
    }

    public void setCreditAccount(String creditAccount) {
        this.creditAccount = creditAccount;
    }

    public String getCreditLabel() {
        return creditLabel;
    }

    public void setCreditLabel(String creditLabel) {
        this.creditLabel = creditLabel;
    }

    public String getJournalCode() {
        return journalCode;
    }

    public void setJournalCode(String journalCode) {
        this.journalCode = journalCode;
    }

    public String getJournalLabel() {
        return journalLabel;
    }

    public void setJournalLabel(String journalLabel) {
        this.journalLabel = journalLabel;
    }
}
