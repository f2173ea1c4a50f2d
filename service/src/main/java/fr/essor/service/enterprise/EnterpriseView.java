package fr.essor.service.enterprise;

import fr.essor.model.enterprise.Enterprise;
import java.math.BigDecimal;
import java.time.LocalDate;

public record EnterpriseView(long id, String legalName, String siret, String legalForm, boolean esusApproved,
                             String city, String department, String sector, LocalDate creationDate,
                             BigDecimal employeesFte, String associationCode) {

    public static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.getId(), e.getLegalName(), e.getSiret().formatted(), e.getLegalForm().name(),
                e.isEsusApproved(), e.getCity(), e.getDepartment(), e.getSector(), e.getCreationDate(),
                e.getEmployeesFte(), e.getAssociation().getCode());
    }
}
