package fr.essor.service.partner;

import fr.essor.model.partner.Partner;
import fr.essor.model.partner.PartnerContact;

/** What pages and the API show of partners and their contacts. */
public final class PartnerViews {

    private PartnerViews() {
    }

    /** A partner; {@code associationCode} null for a national one. */
    public record PartnerView(long id, String name, String kind, Long associationId, String associationCode, long version) {

        static PartnerView of(Partner p) {
            return new PartnerView(p.getId(), p.getName(), p.getKind().name(),
                    p.getAssociation() == null ? null : p.getAssociation().getId(),
                    p.getAssociation() == null ? null : p.getAssociation().getCode(), p.getVersion());
        }

        public boolean national() {
            return associationId == null;
        }
    }

    public record ContactView(long id, long partnerId, String name, String email, String phone, String role, long version) {

        static ContactView of(PartnerContact c) {
            return new ContactView(c.getId(), c.getPartner().getId(), c.getName(), c.getEmail(), c.getPhone(), c.getRole(),
                    c.getVersion());
        }
    }

    /** A partner as typed: its kind by name, its association by id (none: national). */
    public record PartnerInput(String name, String kind, Long associationId) {
    }

    public record ContactInput(String name, String email, String phone, String role) {
    }
}
