package fr.essor.model.enterprise;

import fr.essor.model.shared.VersionedEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.shared.Siret;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** An enterprise advised or financed by an association, owned by one or more entrepreneurs. */
@Entity
@Table(name = "enterprise")
public class Enterprise extends VersionedEntity {

    public static final int LEGAL_NAME_MAX = 200;
    public static final int LEGAL_FORM_MAX = 20;
    public static final int ADDRESS_LINE_MAX = 200;
    public static final int POSTAL_CODE_MAX = 10;
    public static final int CITY_MAX = 100;
    public static final int DEPARTMENT_MAX = 3;
    public static final int SECTOR_MAX = 100;
    public static final int EMPLOYEES_INTEGER_DIGITS = 5;
    public static final int EMPLOYEES_FRACTION_DIGITS = 2;
    /** INSEE department codes: 01–19, 2A, 2B, 21–95, 971–976. */
    public static final String DEPARTMENT_PATTERN = "0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6]";

    private static final java.util.regex.Pattern DEPARTMENT_REGEX =
            java.util.regex.Pattern.compile(DEPARTMENT_PATTERN);

    @NotBlank
    @Size(max = LEGAL_NAME_MAX)
    @Column(name = "legal_name", length = LEGAL_NAME_MAX, nullable = false)
    private String legalName;

    @NotNull
    @Column(name = "siret", length = Siret.LENGTH, nullable = false, unique = true)
    private Siret siret;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_form", length = LEGAL_FORM_MAX, nullable = false)
    private LegalForm legalForm;

    @Column(name = "esus_approved", nullable = false)
    private boolean esusApproved;

    @Size(max = ADDRESS_LINE_MAX)
    @Column(name = "address_line", length = ADDRESS_LINE_MAX)
    private String addressLine;

    @Size(max = POSTAL_CODE_MAX)
    @Column(name = "postal_code", length = POSTAL_CODE_MAX)
    private String postalCode;

    @Size(max = CITY_MAX)
    @Column(name = "city", length = CITY_MAX)
    private String city;

    @Size(max = DEPARTMENT_MAX)
    @Pattern(regexp = DEPARTMENT_PATTERN)
    @Column(name = "department", length = DEPARTMENT_MAX)
    private String department;

    @Size(max = SECTOR_MAX)
    @Column(name = "sector", length = SECTOR_MAX)
    private String sector;

    @PastOrPresent
    @Column(name = "creation_date")
    private LocalDate creationDate;

    @PositiveOrZero
    @Digits(integer = EMPLOYEES_INTEGER_DIGITS, fraction = EMPLOYEES_FRACTION_DIGITS)
    @Column(name = "employees_fte", precision = EMPLOYEES_INTEGER_DIGITS + EMPLOYEES_FRACTION_DIGITS,
            scale = EMPLOYEES_FRACTION_DIGITS)
    private BigDecimal employeesFte;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "association_id", nullable = false, updatable = false)
    private Association association;

    @ManyToMany
    @JoinTable(name = "enterprise_owner",
            joinColumns = @JoinColumn(name = "enterprise_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<UserAccount> owners = new HashSet<>();

    /** What the advisor queue's text search finds it by ({@link SearchTerms}); kept in step with the name and SIRET. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "enterprise_search_term", joinColumns = @JoinColumn(name = "enterprise_id"))
    @Column(name = "term", length = SearchTerms.TERM_MAX, nullable = false)
    private Set<String> searchTerms = new HashSet<>();

    protected Enterprise() {
    }

    public Enterprise(String legalName, Siret siret, LegalForm legalForm, Association association) {
        rename(legalName);
        this.siret = Objects.requireNonNull(siret, "siret");
        indexForSearch();
        changeLegalForm(legalForm);
        this.association = Objects.requireNonNull(association, "association");
    }

    public void rename(String newLegalName) {
        if (newLegalName == null || newLegalName.isBlank()) {
            throw new IllegalArgumentException("The legal name of an enterprise is required");
        }
        this.legalName = newLegalName.strip();
        indexForSearch();
    }

    private void indexForSearch() {
        if (siret == null) {
            return; // the constructor indexes once the SIRET is set
        }
        Set<String> terms = SearchTerms.of(legalName, siret.value());
        searchTerms.retainAll(terms);
        searchTerms.addAll(terms);
    }

    public void changeLegalForm(LegalForm newLegalForm) {
        this.legalForm = Objects.requireNonNull(newLegalForm, "legalForm");
    }

    public void recordEsusApproval(boolean approved) {
        this.esusApproved = approved;
    }

    /** The department is the INSEE code ("45", "2A", "971"), or null when unknown. */
    public void changeAddress(String newAddressLine, String newPostalCode, String newCity, String newDepartment) {
        if (newDepartment != null && !DEPARTMENT_REGEX.matcher(newDepartment).matches()) {
            throw new IllegalArgumentException("Not an INSEE department code: " + newDepartment);
        }
        this.addressLine = newAddressLine;
        this.postalCode = newPostalCode;
        this.city = newCity;
        this.department = newDepartment;
    }

    public void describeActivity(String newSector, LocalDate newCreationDate, BigDecimal newEmployeesFte) {
        if (newEmployeesFte != null && newEmployeesFte.signum() < 0) {
            throw new IllegalArgumentException("A number of employees cannot be negative: " + newEmployeesFte);
        }
        this.sector = newSector;
        this.creationDate = newCreationDate;
        this.employeesFte = newEmployeesFte;
    }

    public void addOwner(UserAccount owner) {
        owners.add(Objects.requireNonNull(owner, "owner"));
    }

    public void removeOwner(UserAccount owner) {
        owners.remove(owner);
    }

    public boolean isOwnedBy(UserAccount account) {
        return account != null && owners.contains(account);
    }

    public boolean isOwnedBy(Long accountId) {
        return accountId != null && owners.stream().anyMatch(o -> accountId.equals(o.getId()));
    }

    public String getLegalName() {
        return legalName;
    }

    public Siret getSiret() {
        return siret;
    }

    public LegalForm getLegalForm() {
        return legalForm;
    }

    public boolean isEsusApproved() {
        return esusApproved;
    }

    public String getAddressLine() {
        return addressLine;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public String getDepartment() {
        return department;
    }

    public String getSector() {
        return sector;
    }

    public LocalDate getCreationDate() {
        return creationDate;
    }

    public BigDecimal getEmployeesFte() {
        return employeesFte;
    }

    public Association getAssociation() {
        return association;
    }

    /** Read-only view of the terms the queue's search finds it by. */
    public Set<String> getSearchTerms() {
        return Collections.unmodifiableSet(searchTerms);
    }

    /** Read-only view. */
    public Set<UserAccount> getOwners() {
        return Collections.unmodifiableSet(owners);
    }

    @Override
    public String toString() {
        return "Enterprise[" + getId() + ", " + siret + "]";
    }
}
