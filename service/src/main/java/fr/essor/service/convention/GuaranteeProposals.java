package fr.essor.service.convention;

import fr.essor.model.convention.GuaranteeCall;
import fr.essor.model.convention.MoneyProposal;
import fr.essor.model.convention.ProposalKind;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * What a four-eyes decision on a guarantee call's payment does to the call (issue 14, item 4): an
 * approval (which moved the money) marks it PAID on the proposal's date; a rejection lets it be
 * proposed again. A proposal made through the older {@code POST /allocations/{id}/guarantee-call}
 * has no call row: nothing to do.
 */
final class GuaranteeProposals {

    private GuaranteeProposals() {
    }

    static void approved(EntityManager em, MoneyProposal p, String approver) {
        if (p.getKind() == ProposalKind.GUARANTEE_CALL) {
            calls(em, p).forEach(c -> c.paidOnApproval(p.getOccurredOn(), approver));
        }
    }

    static void rejected(EntityManager em, MoneyProposal p) {
        if (p.getKind() == ProposalKind.GUARANTEE_CALL) {
            calls(em, p).forEach(GuaranteeCall::approvalRejected);
        }
    }

    private static List<GuaranteeCall> calls(EntityManager em, MoneyProposal p) {
        return em.createQuery("SELECT c FROM GuaranteeCall c WHERE c.proposalId = :p", GuaranteeCall.class)
                .setParameter("p", p.getId()).getResultList();
    }
}
