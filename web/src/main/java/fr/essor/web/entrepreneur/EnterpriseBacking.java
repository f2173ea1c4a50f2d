package fr.essor.web.entrepreneur;

import fr.essor.model.enterprise.LegalForm;
import fr.essor.service.enterprise.EnterpriseInput;
import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The entrepreneur describes a new enterprise. */
@Named
@RequestScoped
public class EnterpriseBacking {

    @EJB
    private EnterpriseService enterprises;

    @Inject
    private FacesContext facesContext;

    private String legalName;
    private String siret;
    private LegalForm legalForm;
    private boolean esusApproved;
    private String addressLine;
    private String postalCode;
    private String city;
    private String department;
    private String sector;
    private LocalDate creationDate;
    private BigDecimal employeesFte;

    public void create() throws IOException {
        enterprises.create(new EnterpriseInput(legalName, siret, legalForm, esusApproved,
                addressLine, postalCode, city, department, sector, creationDate, employeesFte));
        Messages.info("enterprise.created", legalName);
        facesContext.getExternalContext().getFlash().setKeepMessages(true);
        facesContext.getExternalContext().redirect(facesContext.getExternalContext().getRequestContextPath()
                + "/entrepreneur/index.xhtml");
        facesContext.responseComplete();
    }

    public LegalForm[] getLegalForms() {
        return LegalForm.values();
    }

    public String getLegalName() { return legalName; }
    public void setLegalName(String v) { legalName = v; }
    public String getSiret() { return siret; }
    public void setSiret(String v) { siret = v; }
    public LegalForm getLegalForm() { return legalForm; }
    public void setLegalForm(LegalForm v) { legalForm = v; }
    public boolean isEsusApproved() { return esusApproved; }
    public void setEsusApproved(boolean v) { esusApproved = v; }
    public String getAddressLine() { return addressLine; }
    public void setAddressLine(String v) { addressLine = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getDepartment() { return department; }
    public void setDepartment(String v) { department = v; }
    public String getSector() { return sector; }
    public void setSector(String v) { sector = v; }
    public LocalDate getCreationDate() { return creationDate; }
    public void setCreationDate(LocalDate v) { creationDate = v; }
    public BigDecimal getEmployeesFte() { return employeesFte; }
    public void setEmployeesFte(BigDecimal v) { employeesFte = v; }
}
