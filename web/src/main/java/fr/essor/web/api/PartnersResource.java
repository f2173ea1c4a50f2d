package fr.essor.web.api;

import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.partner.PartnerService;
import fr.essor.service.partner.PartnerViews.ContactInput;
import fr.essor.service.partner.PartnerViews.ContactView;
import fr.essor.service.partner.PartnerViews.PartnerInput;
import fr.essor.service.partner.PartnerViews.PartnerView;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Financial partners, national or local to one association, their contacts and their PARTNER
 * accounts (issue 12). An association's administrator manages his association's local partners
 * only (403 otherwise).
 */
@Path("partners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PartnersResource {

    @EJB
    private PartnerService partners;

    @Context
    private UriInfo uriInfo;

    @GET
    @Operation(summary = "The partners the caller sees, by name (page from 0, size 1 to 200)")
    public PageOut<PartnerView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageOut.of(partners.list(paging.first(), paging.size()), paging);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One partner")
    public PartnerView get(@PathParam("id") long id) {
        return partners.get(id);
    }

    @POST
    @Operation(summary = "Create a partner: {\"name\":…,\"kind\":\"BANK\",\"associationId\":null} (null: national)")
    public Response create(PartnerInput body) {
        PartnerView created = partners.create(body);
        return Responses.created(uriInfo, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a partner at the version last read (?version=); 409 if it changed since")
    public PartnerView update(@PathParam("id") long id, @QueryParam("version") Long version, PartnerInput body) {
        return partners.update(id, version, body);
    }

    @GET
    @Path("{id}/contacts")
    @Operation(summary = "The partner's contacts (page from 0)")
    public PageOut<ContactView> contacts(@PathParam("id") long id, @QueryParam("page") String page,
                                         @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageOut.of(partners.contacts(id, paging.first(), paging.size()), paging);
    }

    @POST
    @Path("{id}/contacts")
    @Operation(summary = "Add a contact: {\"name\":…,\"email\":…,\"phone\":…,\"role\":…}")
    public Response addContact(@PathParam("id") long id, ContactInput body) {
        ContactView created = partners.addContact(id, body);
        return Responses.created(uriInfo, created.id(), created);
    }

    @PUT
    @Path("{id}/contacts/{contactId}")
    @Operation(summary = "Change a contact at the version last read (?version=)")
    public ContactView updateContact(@PathParam("id") long id, @PathParam("contactId") long contactId,
                                     @QueryParam("version") Long version, ContactInput body) {
        return partners.updateContact(id, contactId, version, body);
    }

    @DELETE
    @Path("{id}/contacts/{contactId}")
    @Operation(summary = "Remove a contact (its details are deleted)")
    public Response removeContact(@PathParam("id") long id, @PathParam("contactId") long contactId) {
        partners.removeContact(id, contactId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/accounts")
    @Operation(summary = "The partner's PARTNER accounts (page from 0)")
    public PageOut<AccountView> accounts(@PathParam("id") long id, @QueryParam("page") String page,
                                         @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageOut.of(partners.accounts(id, paging.first(), paging.size()), paging);
    }

    @POST
    @Path("{id}/accounts")
    @Operation(summary = "Create a PARTNER account of the partner: {\"email\":…,\"displayName\":…}; 201 with a temporary password shown once")
    public Response createAccount(@PathParam("id") long id, AccountIn body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        AccountService.CreatedAccount created = partners.createAccount(id, body.email(), body.displayName());
        return Responses.created(uriInfo, created.account().id(), new AccountOut(created.account(), created.temporaryPassword()));
    }

    public record AccountIn(String email, String displayName) {
    }

    public record AccountOut(AccountView account, String temporaryPassword) {
    }

}
