package fr.essor.model.convention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.essor.model.association.Association;
import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerKind;
import fr.essor.model.shared.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static Convention convention(boolean revolving) {
        return new Convention("BDT-2026", new Partner("Banque des Territoires", PartnerKind.PUBLIC_BANK),
                new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire"),
                ConventionKind.FINANCING_FUND, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Money.of("100000.00"),
                revolving);
    }

    @Test
    void aRevolvingFundGetsItsRepaymentsBack() {
        Envelope e = convention(true).envelope(Money.of("60000.00"), Money.of("2500.50"));
        assertEquals(Money.of("42500.50"), e.remaining());
    }

    @Test
    void aFundThatDoesNotRevolveKeepsOnlyWhatWasNotAllocated() {
        Envelope e = convention(false).envelope(Money.of("60000.00"), Money.of("2500.50"));
        assertEquals(Money.of("40000.00"), e.remaining());
    }

    @Test
    void nothingAllocatedLeavesTheWholeAmountAndOverAllocationShowsNegative() {
        assertEquals(Money.of("100000.00"), convention(true).envelope(Money.zero(), Money.zero()).remaining());
        assertEquals(Money.of("-1.00"), new Envelope(Money.of("10.00"), false, Money.of("11.00"), Money.zero()).remaining());
    }
}
