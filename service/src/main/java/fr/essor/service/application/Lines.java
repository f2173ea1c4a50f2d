package fr.essor.service.application;

import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.InvalidFinancingLineException;
import fr.essor.model.shared.Money;
import fr.essor.service.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns financing lines as typed (a request, a proposal, a grant) into checked model lines; a
 * broken rule becomes an {@link InvalidInputException} naming the line and the limit.
 */
public final class Lines {

    private Lines() {
    }

    /** Every line parsed, or the first problem; null or empty gives an empty list. */
    public static List<FinancingLine> parseAll(List<LineInput> inputs) {
        List<FinancingLine> lines = new ArrayList<>();
        if (inputs != null) {
            for (int i = 0; i < inputs.size(); i++) {
                lines.add(parse(i, inputs.get(i)));
            }
        }
        return lines;
    }

    public static FinancingLine parse(int index, LineInput in) {
        String field = "lines[" + index + "]";
        int n = index + 1;
        if (in == null) {
            throw new InvalidInputException(field, "line.instrumentRequired", n);
        }
        Instrument instrument = in.instrument();
        if (instrument == null) {
            throw new InvalidInputException(field + ".instrument", "line.instrumentRequired", n);
        }
        Money amount = money(field + ".amount", in.amount(), n);
        Money bankLoan = in.bankLoanAmount() == null ? null : money(field + ".bankLoanAmount", in.bankLoanAmount(), n);
        try {
            return FinancingLine.of(instrument, amount, in.durationMonths(), in.bankName(), bankLoan, in.guaranteedShare());
        } catch (InvalidFinancingLineException e) {
            String key = e.problems().get(0);
            throw new InvalidInputException(field, key, n, limitFor(key, instrument));
        }
    }

    static Object limitFor(String key, Instrument instrument) {
        return switch (key) {
            case "line.amountOverLimit" -> instrument.maxAmount().amount();
            case "line.durationOutOfRange" -> instrument.minDurationMonths() + "–" + instrument.maxDurationMonths();
            case "line.bankLoanOverLimit" -> Instrument.MAX_BANK_LOAN.amount();
            case "line.shareOutOfRange" -> Instrument.MIN_GUARANTEED_SHARE + "–" + Instrument.MAX_GUARANTEED_SHARE;
            default -> "";
        };
    }

    static Money money(String field, BigDecimal value, int n) {
        if (value == null) {
            throw new InvalidInputException(field, "line.amountRequired", n);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "amount.tooPrecise", n);
        }
        if (value.abs().compareTo(new BigDecimal("9999999999999.99")) > 0) {
            throw new InvalidInputException(field, "amount.tooLarge", n);
        }
        return Money.of(value);
    }

}
