package fr.essor.model.partner;

import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A person to call at a financial partner (name, e-mail, phone, role there): business contact
 * data of the partner's staff, kept while the partner is, and removed by the administrators who
 * manage the partner (docs/PRIVACY.md).
 */
@Entity
@Table(name = "partner_contact")
public class PartnerContact extends VersionedEntity {

    public static final int NAME_MAX = 120;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 30;
    public static final int ROLE_MAX = 120;
    /** Digits, spaces, dots, dashes, parentheses and a leading plus: what people write a phone number with. */
    public static final String PHONE_PATTERN = "\\+?[0-9 .()\\-]{6,30}";

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id", nullable = false, updatable = false)
    private Partner partner;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @Size(max = EMAIL_MAX)
    @Column(name = "email", length = EMAIL_MAX)
    private String email;

    @Size(max = PHONE_MAX)
    @Column(name = "phone", length = PHONE_MAX)
    private String phone;

    @Size(max = ROLE_MAX)
    @Column(name = "contact_role", length = ROLE_MAX)
    private String role;

    protected PartnerContact() {
    }

    public PartnerContact(Partner partner, String name, String email, String phone, String role) {
        this.partner = Objects.requireNonNull(partner, "partner");
        change(name, email, phone, role);
    }

    /** Replaces the contact's details; the service has checked each field and reports a fault on it. */
    public void change(String newName, String newEmail, String newPhone, String newRole) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A contact's name is required");
        }
        this.name = FreeText.require("name", newName.strip(), false);
        this.email = blankToNull(newEmail);
        this.phone = blankToNull(newPhone);
        this.role = newRole == null || newRole.isBlank() ? null : FreeText.require("role", newRole.strip(), false);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Partner getPartner() {
        return partner;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getRole() {
        return role;
    }
}
