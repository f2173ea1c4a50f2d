package fr.essor.service.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.committee.AgendaItem;
import fr.essor.model.committee.CommitteeMember;
import fr.essor.model.committee.CommitteeSession;
import fr.essor.model.committee.ConflictOfInterest;
import fr.essor.model.committee.Decision;
import fr.essor.model.committee.VoteChoice;
import fr.essor.model.rules.Majority;
import fr.essor.model.shared.Money;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The minutes of a closed committee session as a PDF: attendance, and per item the conflicts
 * declared, the vote counts, the decision with its amounts and conditions or reasons.
 */
public final class SessionMinutesReport {

    private SessionMinutesReport() {
    }

    /**
     * The rules a file on the agenda was decided under, for the minutes: the version number of its
     * association's rules, the quorum and majority applied, its grid (criterion → weight) and the
     * weighted score of its analysis (null without one).
     */
    public record ItemRules(int rulesNumber, int quorum, Majority majority, Map<ScoreCriterion, Integer> grid,
                            BigDecimal weightedScore) {
    }

    private static String score(BigDecimal value, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    public static byte[] pdf(CommitteeSession session, Locale locale, ZoneId zone) {
        return pdf(session, List.of(), locale, zone);
    }

    public static byte[] pdf(CommitteeSession session, List<String> adjourned, Locale locale, ZoneId zone) {
        return pdf(session, adjourned, Map.of(), locale, zone);
    }

    /**
     * Minutes of a session; {@code adjourned} names the files an adjournment took off its agenda,
     * {@code rules} gives each agenda item's rules (by item id; an item without is written as before).
     */
    public static byte[] pdf(CommitteeSession session, List<String> adjourned, Map<Long, ItemRules> rules, Locale locale,
                             ZoneId zone) {
        ResourceBundle text = ResourceBundle.getBundle("fr.essor.service.report.letters", locale);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
        Font heading = new Font(Font.HELVETICA, 12, Font.BOLD);
        Font body = new Font(Font.HELVETICA, 10);
        try {
            PdfWriter.getInstance(document, out);
            String name = session.getCommittee().getName();
            document.addTitle(DecisionLetter.format(text, locale, "minutes.title", name));
            document.open();
            document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.title", name), title));
            document.add(new Paragraph(session.getCommittee().getAssociation().getName(), body));
            document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.held",
                    day.format(session.getStartsAt().toLocalDate()),
                    session.getStartsAt().toLocalTime().toString(),
                    session.getPlace() != null ? session.getPlace() : session.getVideoLink()), body));
            if (session.getOpenedAt() != null && session.getClosedAt() != null) {
                document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.openClose",
                        dateTime.format(session.getOpenedAt()), dateTime.format(session.getClosedAt())), body));
            }
            if (session.getAdjournmentReason() != null) {
                document.add(new Paragraph(" "));
                document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.adjourned",
                        session.getAdjournmentReason()), heading));
                if (!adjourned.isEmpty()) {
                    document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.adjournedItems",
                            String.join(", ", adjourned)), body));
                }
            }
            document.add(new Paragraph(" "));
            document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.attendance",
                    session.getPresent().size(), session.getCommittee().getMembers().size(),
                    session.getCommittee().getQuorum()), heading));
            for (CommitteeMember m : session.getCommittee().getMembers()) {
                String role = text.getString("MemberRole." + m.getRole().name());
                String presence = text.getString(session.isPresent(m.getAccount()) ? "minutes.present" : "minutes.absent");
                document.add(new Paragraph("• " + m.getAccount().getDisplayName() + " (" + role + ") — " + presence, body));
            }
            for (AgendaItem item : session.getItems()) {
                Application a = item.getApplication();
                document.add(new Paragraph(" "));
                document.add(new Paragraph(item.getPosition() + ". " + a.getReference() + " — " + a.getEnterprise().getLegalName()
                        + " — " + a.getTitle(), heading));
                if (item.getPresenter() != null) {
                    document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.presenter",
                            item.getPresenter().getDisplayName()), body));
                }
                String conflicts = item.getConflicts().stream().map(ConflictOfInterest::getMember)
                        .map(UserAccount::getDisplayName).collect(Collectors.joining(", "));
                document.add(new Paragraph(conflicts.isEmpty() ? text.getString("minutes.noConflict")
                        : DecisionLetter.format(text, locale, "minutes.conflicts", conflicts), body));
                ItemRules r = rules.get(item.getId());
                if (r != null) {
                    document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.rule", r.rulesNumber(), r.quorum(),
                            text.getString("minutes.majority." + r.majority().name())), body));
                    if (r.weightedScore() != null) {
                        String grid = r.grid().entrySet().stream()
                                .map(e -> text.getString("minutes.criterion." + e.getKey().name()) + " ×" + e.getValue())
                                .collect(Collectors.joining(", "));
                        document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.weightedScore",
                                score(r.weightedScore(), locale), grid), body));
                    }
                }
                document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.votes", item.count(VoteChoice.FOR),
                        item.count(VoteChoice.AGAINST), item.count(VoteChoice.ABSTAIN)), body));
                Decision d = item.getDecision();
                if (d == null) {
                    document.add(new Paragraph(text.getString(item.isWithdrawn() ? "minutes.withdrawn" : "minutes.undecided"),
                            body));
                    continue;
                }
                document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.decision",
                        text.getString("DecisionOutcome." + d.getOutcome().name())), heading));
                Money total = Money.zero();
                for (FinancingLine line : d.getGrantedLines()) {
                    document.add(new Paragraph("• " + DecisionLetter.describe(text, locale, line), body));
                    total = total.plus(line.getAmount());
                }
                if (!d.getGrantedLines().isEmpty()) {
                    document.add(new Paragraph(DecisionLetter.format(text, locale, "letter.total", total.format(locale)), body));
                }
                if (d.getConditions() != null) {
                    document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.conditions", d.getConditions()), body));
                }
                if (d.getReasons() != null) {
                    document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.reasons", d.getReasons()), body));
                }
            }
            document.add(new Paragraph(" "));
            document.add(new Paragraph(DecisionLetter.format(text, locale, "minutes.generated",
                    dateTime.format(session.getClosedAt() == null ? Instant.now() : session.getClosedAt())), body));
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the minutes", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
