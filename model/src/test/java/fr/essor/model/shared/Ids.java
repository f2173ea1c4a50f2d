package fr.essor.model.shared;

import java.lang.reflect.Field;

/** Gives an entity built in a unit test the id the database would give it when persisted. */
public final class Ids {

    private Ids() {
    }

    public static <T extends Identified> T assign(T entity, long id) {
        try {
            Field f = Identified.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
