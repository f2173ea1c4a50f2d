package fr.essor.service.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The enterprise profile as typed by its owner. */
public record EnterpriseInput(String legalName, String siret, String legalForm, boolean esusApproved, String addressLine,
                              String postalCode, String city, String department, String sector, LocalDate creationDate,
                              BigDecimal employeesFte) {
}
