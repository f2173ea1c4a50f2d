package fr.essor.web.api;

import fr.essor.service.shared.Page;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The answers several resources build alike. */
final class Responses {

    /** The header in which a list answered as a bare array gives how many items there are in all. */
    static final String TOTAL_COUNT = "X-Total-Count";

    private Responses() {
    }

    /** 201 Created: the new resource at this request's path followed by its id ({@code Location}), and as the body. */
    static Response created(UriInfo uriInfo, Object id, Object entity) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(entity).build();
    }

    /** 200 with the page's items as a bare array, how many in all in {@value #TOTAL_COUNT}. */
    static Response counted(Page<?> page) {
        return counted(page.items(), page.total());
    }

    /** 200 with the items as a bare array, how many in all in {@value #TOTAL_COUNT}. */
    static Response counted(List<?> items, long total) {
        return Response.ok(items).header(TOTAL_COUNT, total).build();
    }
}
