package fr.essor.web.admin;

import fr.essor.service.account.AccountService;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationService.DepartmentView;
import fr.essor.service.association.AssociationView;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The network's territorial associations: list, create, rename, deactivate or reactivate, and
 * their départements (give, move). An association's administrator sees and renames his own only.
 */
@Named
@ViewScoped
public class AssociationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AssociationService associations;

    @EJB
    private AccountService accounts;

    private PageModel<AssociationView> model;
    private boolean national;
    private List<AssociationView> choices;
    private List<DepartmentView> territory;
    private String code;
    private String name;
    private String region;

    private Long editId;
    private String editName;
    private String editRegion;

    private Long assignTo;
    private String assignDepartment;
    private String moveDepartment;
    private Long moveTo;

    @PostConstruct
    void init() {
        model = new PageModel<>(associations::list, a -> String.valueOf(a.id()));
        national = accounts.me().associationCode() == null;
        reload();
    }

    private void reload() {
        choices = associations.all();
        territory = national ? associations.territory() : List.of();
    }

    public void create() {
        AssociationView created = associations.create(code, name, region);
        Messages.info("admin.associations.created", created.code());
        code = null;
        name = null;
        region = null;
        reload();
    }

    public void toggle(AssociationView a) {
        if (a.active()) {
            associations.deactivate(a.id());
        } else {
            associations.activate(a.id());
        }
        Messages.info(a.active() ? "admin.associations.deactivated" : "admin.associations.activated", a.code());
        reload();
    }

    /** Puts an association's name and region in the edit form. */
    public void edit(AssociationView a) {
        editId = a.id();
        editName = a.name();
        editRegion = a.region();
    }

    public void rename() {
        AssociationView renamed = associations.rename(editId == null ? -1 : editId, editName, editRegion);
        Messages.info("net.associations.renamed", renamed.code());
        editId = null;
        editName = null;
        editRegion = null;
        reload();
    }

    public void assign() {
        DepartmentView d = associations.assign(assignTo == null ? -1 : assignTo, assignDepartment);
        Messages.info("net.departments.assigned", d.department(), d.associationCode());
        assignDepartment = null;
        reload();
    }

    public void move() {
        DepartmentView d = associations.move(moveDepartment, moveTo == null ? -1 : moveTo);
        Messages.info("net.departments.moved", d.department(), d.associationCode());
        moveDepartment = null;
        reload();
    }

    /** The départements of an association, for its row. */
    public String departmentsOf(AssociationView a) {
        return String.join(", ", associations.departments(a.id()));
    }

    public PageModel<AssociationView> getModel() {
        return model;
    }

    public boolean isNational() {
        return national;
    }

    public List<AssociationView> getChoices() {
        return choices;
    }

    public List<DepartmentView> getTerritory() {
        return territory;
    }

    public boolean isEditing() {
        return editId != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Long getEditId() {
        return editId;
    }

    public void setEditId(Long editId) {
        this.editId = editId;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditRegion() {
        return editRegion;
    }

    public void setEditRegion(String editRegion) {
        this.editRegion = editRegion;
    }

    public Long getAssignTo() {
        return assignTo;
    }

    public void setAssignTo(Long assignTo) {
        this.assignTo = assignTo;
    }

    public String getAssignDepartment() {
        return assignDepartment;
    }

    public void setAssignDepartment(String assignDepartment) {
        this.assignDepartment = assignDepartment;
    }

    public String getMoveDepartment() {
        return moveDepartment;
    }

    public void setMoveDepartment(String moveDepartment) {
        this.moveDepartment = moveDepartment;
    }

    public Long getMoveTo() {
        return moveTo;
    }

    public void setMoveTo(Long moveTo) {
        this.moveTo = moveTo;
    }
}
