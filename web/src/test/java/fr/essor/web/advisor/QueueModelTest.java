package fr.essor.web.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.essor.service.application.QueueSort;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class QueueModelTest {

    private static Map<String, SortMeta> sortBy(String field, SortOrder order) {
        Map<String, SortMeta> map = new LinkedHashMap<>();
        map.put(field, SortMeta.builder().field(field).order(order).build());
        return map;
    }

    @Test
    void theTablesSortReachesTheServiceAsAQueueSort() {
        assertEquals(new QueueSort(QueueSort.Column.SUBMITTED_AT, false),
                QueueModel.sortOf(sortBy("submittedAt", SortOrder.DESCENDING)));
        assertEquals(new QueueSort(QueueSort.Column.REFERENCE, true), QueueModel.sortOf(sortBy("reference", SortOrder.ASCENDING)));
        assertEquals(new QueueSort(QueueSort.Column.ADVISOR, true), QueueModel.sortOf(sortBy("advisor", SortOrder.ASCENDING)));
    }

    @Test
    void noSortAnUnsortedColumnOrAnUnknownFieldMeanTheDefaultOrder() {
        assertEquals(QueueSort.DEFAULT, QueueModel.sortOf(null));
        assertEquals(QueueSort.DEFAULT, QueueModel.sortOf(Map.of()));
        assertEquals(QueueSort.DEFAULT, QueueModel.sortOf(sortBy("reference", SortOrder.UNSORTED)));
        assertEquals(QueueSort.DEFAULT, QueueModel.sortOf(sortBy("title; DROP TABLE application", SortOrder.ASCENDING)));
        assertNull(QueueModel.column("amount"));
    }
}
